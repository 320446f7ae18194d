using System.Diagnostics;
using KapClinic.Bench.Baseline;
using KapClinic.Bench.Data;
using KapClinic.Bench.Load;
using KapClinic.Bench.Report;
using KapClinic.Bench.Scenarios;
using KapClinic.LoadSupport;

namespace KapClinic.Bench;

/// <summary>
/// One bench run: the bench's own PostgreSQL, the data sets, the app and the baseline, every scenario, the report.
/// Everything it starts is disposed on the way out, also when cancelled (Ctrl-C, SIGTERM); the data directory stays.
/// </summary>
public sealed class BenchRun(BenchOptions options, IBenchData data)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(options.ResultsDirectory);
        var work = Path.Combine(options.ResultsDirectory, "work");
        Directory.CreateDirectory(work);
        Console.WriteLine($"==> PostgreSQL (kept in {options.DataDirectory})");
        await using var cluster = await BenchCluster.StartAsync(options.DataDirectory);
        Console.WriteLine($"==> Data: {data.Description}");
        var large = await data.EnsureAsync(
            cluster, options.MainScale == BenchScale.Large ? "bench_large" : "bench_small", options.MainScale, options.Force, cancellationToken);
        var small = await data.EnsureAsync(cluster, "bench_small", BenchScale.Small, options.Force, cancellationToken);
        await BenchCluster.EnsureOwnServerAsync(cluster, large.AppConnectionString);
        await BenchCluster.EnsureOwnServerAsync(cluster, small.AppConnectionString);
        var targets = await BenchTargets.FindAsync(large, cancellationToken);

        var results = new List<ScenarioResult>();
        var plans = string.Empty;
        Console.WriteLine("==> Starting the app (Release) and the baseline");
        await using (var app = AppProcess.Start(new AppProcessOptions
        {
            ConnectionString = large.AppConnectionString,
            OwnerConnectionString = large.OwnerConnectionString,
            LogFile = Path.Combine(options.ResultsDirectory, "app.log"),
        }))
        {
            await app.WaitUntilReadyAsync(TimeSpan.FromMinutes(5), cancellationToken);
            await using var baseline = await BaselineApp.StartAsync(BaselineConnectionString(large.AppConnectionString), KapClinic.TestSupport.LoopbackPort.Free(), cancellationToken);
            using var client = new ClinicClient(app.BaseAddress);
            await client.SignInAsync(large.User.Email, large.User.Password, large.User.MfaSecret, cancellationToken);
            var bench = new BenchContext(options, new WrkRunner(options.Threads, options.Connections, work), cluster, large, targets, app, client, baseline);
            results.AddRange(await ExportScenario.RunAsync(bench, cancellationToken));
            results.AddRange(await ThroughputScenarios.RunAsync(bench, cancellationToken));
            var (growth, searchPlans) = await GrowthScenario.RunAsync(bench, small, options.ResultsDirectory, cancellationToken);
            results.Add(growth);
            plans = searchPlans;
        }

        results.Add(await StartupScenario.RunAsync(large, options.ResultsDirectory, cancellationToken));

        var machine = MachineInfo.Collect(await BenchCluster.ServerVersionAsync(cluster));
        var settings = $"wrk -t{options.Threads} -c{options.Connections}, warm-up {options.WarmUp.TotalSeconds:0} s, measured {options.Duration.TotalSeconds:0} s, " +
            "on loopback; the floor (baseline app or psql) is measured in the same run, just before ours.";
        var notes = new[]
        {
            $"Data: {data.Description}.",
            "Floor: a minimal ASP.NET Core app in the bench (raw Npgsql, one batch per page, no EF, no auth, no antiforgery, HTML table from a StringBuilder) on the same database, same role.",
            "wrk is closed-loop: at saturation p99 shows queueing, not service time; compare p99s below saturation (the growth scenario runs at -c2).",
            "The export runs first, on a fresh app (after a warm-up export); the memory figure is the app's whole-process RSS.",
            $"PostgreSQL runs with fsync off (a throwaway-grade bench cluster); both sides share it. Results: {options.ResultsDirectory}.",
        };
        var report = BenchReport.Markdown(started, clock.Elapsed, machine, settings, results, notes, plans);
        var file = Path.Combine(options.ResultsDirectory, $"bench-{started:yyyyMMdd-HHmmss}.md");
        await File.WriteAllTextAsync(file, report, CancellationToken.None);
        Console.WriteLine();
        Console.WriteLine(ResultTable.Markdown(results));
        Console.WriteLine($"Report: {file}");
        return results.All(r => r.Passed) ? 0 : 1;
    }

    /// <summary>The app's own connection string, with the statement preparation a raw Npgsql service would use.</summary>
    private static string BaselineConnectionString(string app) => app + ";Max Auto Prepare=20;Auto Prepare Min Usages=2";
}
