using System.Diagnostics;
using KapClinic.LoadSupport;
using KapClinic.TestSupport;

namespace KapClinic.Soak;

/// <summary>One run: a private durable PostgreSQL, the data, the Release app, the signed-in users, the load (and faults), the checks.</summary>
public static class SoakRun
{
    public static async Task<bool> RunAsync(SoakOptions options, CancellationToken cancellationToken)
    {
        var startedUtc = DateTime.UtcNow;
        Say("Starting a private PostgreSQL cluster (durable: fsync and synchronous commit on)");
        await using var cluster = await PostgresCluster.StartAsync(new PostgresClusterOptions { Durable = true });
        Say(options.Data == "scale"
            ? "Making the data: the scale data generator's small profile, then working hours and dosing sessions in progress"
            : "Making the data: the demo clinic, the load users, working hours and dosing sessions in progress");
        var world = await FixtureData.PrepareAsync(cluster, options, cancellationToken);
        options = options with { Users = world.Users.Count, StaffUsers = world.Users.Count(u => u.IsStaff) };
        var owner = cluster.ConnectionString(FixtureData.Database);
        Say($"Starting the app (Release) on its own port; {world.Patients.Count} patients, {world.OpenSessions.Count} sessions in progress");
        await using var app = AppProcess.Start(new AppProcessOptions
        {
            ConnectionString = cluster.ConnectionString(FixtureData.Database, FixtureData.AppRole),
            OwnerConnectionString = owner,
        });
        var ready = await app.WaitUntilReadyAsync(TimeSpan.FromMinutes(2), cancellationToken);
        Say($"Signing in {options.Users} users (password and authenticator code)");
        var clients = await SignInAsync(app, world, cancellationToken);
        try
        {
            var result = await LoadAsync(options, cluster, app, world, clients, ready, owner, cancellationToken);
            var report = SoakReport.Markdown(result, startedUtc);
            Console.WriteLine();
            Console.WriteLine(report);
            var directory = Path.Combine(AppProcess.RepositoryRoot(), options.ResultsDirectory);
            Directory.CreateDirectory(directory);
            var file = Path.Combine(directory, $"{(options.Faults ? "faults" : "soak")}-{startedUtc:yyyyMMdd-HHmmss}.md");
            await File.WriteAllTextAsync(file, report, CancellationToken.None);
            Say($"Summary written to {Path.GetRelativePath(AppProcess.RepositoryRoot(), file)}; app log: {app.LogFile}");
            return result.Passed;
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    private static async Task<SoakResult> LoadAsync(
        SoakOptions options, PostgresCluster cluster, AppProcess app, LoadWorld world, IReadOnlyList<ClinicClient> clients, TimeSpan ready, string owner,
        CancellationToken cancellationToken)
    {
        var context = new LoadContext(options, world, new RunStats(), new AckLedger(), new SlotAllocator(DateOnly.FromDateTime(DateTime.UtcNow)));
        var users = world.Users.Select((u, i) => new SimulatedUser(u, clients[i], context, seed: 1000 + i)).ToList();
        using var background = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sampler = new MemorySampler(app, TimeSpan.FromSeconds(5));
        var probe = new ReadinessProbe(app.BaseAddress);
        var length = TimeSpan.FromMinutes(options.Minutes);
        var script = new FaultScript(cluster, probe, length);
        Say($"Load: {length.TotalMinutes:0.#} min{(options.Faults ? " with database faults at 20 %, 40 % and 60 % of it" : string.Empty)}");
        var watch = Stopwatch.StartNew();
        var backgroundTasks = new List<Task> { sampler.RunAsync(background.Token), ProgressAsync(context, users, watch, background.Token) };
        if (options.Faults)
        {
            backgroundTasks.Add(probe.RunAsync(background.Token));
        }

        var until = DateTime.UtcNow + length;
        var faults = options.Faults ? script.RunAsync(cancellationToken) : Task.CompletedTask;
        await Task.WhenAll(users.Select(u => u.RunAsync(until, cancellationToken)));
        await faults;
        var loadTime = watch.Elapsed;
        if (users.Sum(u => u.PendingWrites) is var lost and > 0)
        {
            Say($"Sending {lost} submit(s) lost to the outage again");
            await Task.WhenAll(users.Select(u => u.DrainAsync(cancellationToken)));
        }

        await background.CancelAsync();
        await Task.WhenAll(backgroundTasks);
        Say("Checking every write against the database");
        var rows = await LedgerVerifier.CountAsync(owner, context.Ledger, cancellationToken);
        var ledger = context.Ledger.Entries;
        var findings = AckLedger.Check(ledger, rows);
        var poolLines = PoolExhaustionLines(app.LogFile);
        ShutdownResult? shutdown = null;
        if (options.Faults)
        {
            Say("Graceful shutdown: SIGTERM with requests in flight");
            shutdown = await ShutdownCheck.RunAsync(app, clients, world);
        }

        return new SoakResult(
            options, loadTime, app.StartupTime ?? ready, users.Sum(u => u.Actions), context.Stats, ledger, findings, sampler.Samples,
            MemoryRule.Judge(sampler.Samples), poolLines, script.Events, shutdown);
    }

    private static async Task<List<ClinicClient>> SignInAsync(AppProcess app, LoadWorld world, CancellationToken cancellationToken)
    {
        var clients = world.Users.Select(_ => new ClinicClient(app.BaseAddress)).ToList();
        using var gate = new SemaphoreSlim(8);
        await Task.WhenAll(world.Users.Select(async (user, i) =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                await clients[i].SignInAsync(user.Email, world.Password, world.MfaSecret, cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }));
        return clients;
    }

    private static async Task ProgressAsync(LoadContext context, IReadOnlyList<SimulatedUser> users, Stopwatch watch, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
                var s = context.Stats;
                Say($"{watch.Elapsed:mm\\:ss} {s.Requests} requests, {context.Ledger.Entries.Count(e => e.Acknowledged)} writes acknowledged, " +
                    $"transport errors {s.TransportErrors}, 5xx {s.ServerErrors}, friendly 503 {s.FriendlyUnavailable}, unexpected {s.RejectedWrites}, " +
                    $"waiting to resend {users.Sum(u => u.PendingWrites)}");
            }
        }
        catch (OperationCanceledException)
        {
            // The load is over.
        }
    }

    private static int PoolExhaustionLines(string logFile)
    {
        using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var count = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Contains("pool has been exhausted", StringComparison.OrdinalIgnoreCase)
                || line.Contains("pool timeout", StringComparison.OrdinalIgnoreCase))
            {
                count++;
            }
        }

        return count;
    }

    private static void Say(string text) => Console.WriteLine($"==> {text}");
}
