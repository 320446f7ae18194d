using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace KapClinic.Soak;

/// <summary>Polls /health/ready every 250 ms and keeps when it turned red and green (times since the probe started).</summary>
public sealed class ReadinessProbe(Uri baseAddress)
{
    private readonly ConcurrentQueue<(TimeSpan At, bool Ready)> changes = new();
    private readonly Stopwatch watch = Stopwatch.StartNew();

    public TimeSpan Now => watch.Elapsed;

    public IReadOnlyList<(TimeSpan At, bool Ready)> Changes => [.. changes];

    /// <summary>The first time at or after <paramref name="from"/> the probe saw <paramref name="ready"/>; null if never.</summary>
    public TimeSpan? First(bool ready, TimeSpan from)
    {
        var list = Changes;
        var before = list.LastOrDefault(c => c.At <= from);
        if (before != default && before.Ready == ready)
        {
            return from;
        }

        var after = list.FirstOrDefault(c => c.At > from && c.Ready == ready);
        return after == default ? null : after.At;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(2) };
        bool? last = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            bool ready;
            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
                ready = response.StatusCode == HttpStatusCode.OK;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                ready = false;
            }

            if (ready != last)
            {
                changes.Enqueue((watch.Elapsed, ready));
                last = ready;
            }

            try
            {
                await Task.Delay(250, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
