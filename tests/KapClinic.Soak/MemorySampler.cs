using System.Collections.Concurrent;
using System.Diagnostics;
using KapClinic.LoadSupport;

namespace KapClinic.Soak;

/// <summary>Reads the app's resident memory every few seconds while the load runs.</summary>
public sealed class MemorySampler(AppProcess app, TimeSpan every)
{
    private readonly ConcurrentQueue<MemorySample> samples = new();

    public IReadOnlyList<MemorySample> Samples => [.. samples];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            while (!cancellationToken.IsCancellationRequested && !app.HasExited)
            {
                samples.Enqueue(new MemorySample(watch.Elapsed, app.ResidentBytes()));
                await Task.Delay(every, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The load is over.
        }
    }
}
