using KapClinic.TestSupport;

namespace KapClinic.Soak;

/// <summary>
/// The database faults, at fixed points of the run: (a) every connection cut with pg_terminate_backend, (b) a fast
/// restart, (c) the server stopped for 20 s and started again. For (c) the readiness probe must turn red during the
/// stop and green within 10 s of the start.
/// </summary>
public sealed class FaultScript(PostgresCluster cluster, ReadinessProbe probe, TimeSpan runLength)
{
    public static readonly TimeSpan Outage = TimeSpan.FromSeconds(20);
    public static readonly TimeSpan MaxTimeToGreen = TimeSpan.FromSeconds(10);

    private readonly List<FaultEvent> events = [];

    public IReadOnlyList<FaultEvent> Events => events;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var origin = probe.Now;
        await AtAsync(origin + (runLength * 0.2), cancellationToken);
        var began = probe.Now;
        var cut = await cluster.TerminateConnectionsAsync(FixtureData.Database);
        events.Add(new FaultEvent("(a) pg_terminate_backend on every app connection", began - origin, probe.Now - origin, $"{cut} connection(s) cut"));

        await AtAsync(origin + (runLength * 0.4), cancellationToken);
        began = probe.Now;
        await cluster.RestartServerAsync();
        events.Add(new FaultEvent("(b) pg_ctl restart -m fast", began - origin, probe.Now - origin, $"down for {(probe.Now - began).TotalSeconds:0.0} s"));

        await AtAsync(origin + (runLength * 0.6), cancellationToken);
        began = probe.Now;
        await cluster.StopServerAsync();
        await Task.Delay(Outage, cancellationToken);
        var startBegan = probe.Now;
        await cluster.StartServerAsync();
        var started = probe.Now;
        await Task.Delay(MaxTimeToGreen + TimeSpan.FromSeconds(2), cancellationToken);
        var red = probe.First(false, began);
        var green = probe.First(true, started);
        var redInTime = red is { } r && r < startBegan;
        var greenInTime = green is { } g && g - started <= MaxTimeToGreen;
        var note = $"/health/ready red {(red is { } r2 ? $"{(r2 - began).TotalSeconds:0.00} s after the stop began" : "never")}; " +
            $"green {(green is { } g2 ? $"{(g2 - started).TotalSeconds:0.00} s after the server was up" : "not within the wait")} (limit {MaxTimeToGreen.TotalSeconds:0} s)";
        events.Add(new FaultEvent("(c) stopped for 20 s, then started", began - origin, started - origin, note, redInTime && greenInTime));
    }

    private async Task AtAsync(TimeSpan at, CancellationToken cancellationToken)
    {
        var wait = at - probe.Now;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken);
        }
    }
}
