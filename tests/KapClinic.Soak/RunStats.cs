using System.Collections.Concurrent;

namespace KapClinic.Soak;

/// <summary>Every request of the run: latencies per label (successful answers only), errors by kind, a few samples of each.</summary>
public sealed class RunStats
{
    private const int MaxSamples = 8;
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> latencies = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> samples = new();
    private readonly ConcurrentDictionary<string, int> sampleKeys = new(StringComparer.Ordinal);
    private int transportErrors;
    private int serverErrors;
    private int friendlyUnavailable;
    private int rejectedWrites;
    private int signedOut;
    private int requests;

    public int Requests => requests;

    public int TransportErrors => transportErrors;

    /// <summary>5xx answers other than the friendly 503 (or any 5xx in a run without faults: see <see cref="Record"/>).</summary>
    public int ServerErrors => serverErrors;

    public int FriendlyUnavailable => friendlyUnavailable;

    /// <summary>Answers that were not what the action expects (a submit without its success redirect, a page without its form).</summary>
    public int RejectedWrites => rejectedWrites;

    /// <summary>Answers that sent a signed-in user back to the sign-in page (a lost session).</summary>
    public int SignedOutCount => signedOut;

    public IReadOnlyList<string> Samples => [.. samples];

    public IReadOnlyDictionary<string, IReadOnlyList<double>> Latencies =>
        latencies.ToDictionary(l => l.Key, l => (IReadOnlyList<double>)[.. l.Value], StringComparer.Ordinal);

    /// <summary>Counts one request; with <paramref name="friendly503Allowed"/> false, even the friendly 503 is a server error.</summary>
    public void Record(string label, Outcome outcome, bool friendly503Allowed)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Interlocked.Increment(ref requests);
        if (outcome.IsTransportError)
        {
            Interlocked.Increment(ref transportErrors);
            Sample($"{label}: transport error: {outcome.TransportError}", label + " transport");
        }
        else if (outcome.Status >= 500)
        {
            if (friendly503Allowed && ResponseCheck.IsFriendlyUnavailable(outcome.Status, outcome.Body))
            {
                Interlocked.Increment(ref friendlyUnavailable);
            }
            else
            {
                Interlocked.Increment(ref serverErrors);
                var internals = ResponseCheck.ShowsInternals(outcome.Body) ? " (shows internals)" : string.Empty;
                Sample($"{label}: {outcome.Status}{internals} after {outcome.Elapsed.TotalMilliseconds:0} ms", $"{label} {outcome.Status}");
            }
        }
        else
        {
            latencies.GetOrAdd(label, _ => []).Add(outcome.Elapsed.TotalMilliseconds);
        }
    }

    public void Rejected(string label, Outcome outcome, string? why)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Interlocked.Increment(ref rejectedWrites);
        var to = outcome.Location is null ? string.Empty : " to " + outcome.Location;
        Sample($"{label}: unexpected {outcome.Status}{to}{(why is null ? string.Empty : ": " + why)}", $"{label} {outcome.Status} {why}");
    }

    public void SignedOut(string label)
    {
        Interlocked.Increment(ref signedOut);
        Sample($"{label}: the user was sent to the sign-in page", label + " signed out");
    }

    /// <summary>Keeps the first two samples of each kind (<paramref name="key"/>), at most a few dozen in all.</summary>
    public void Sample(string text, string key)
    {
        if (sampleKeys.AddOrUpdate(key, 1, (_, n) => n + 1) <= 2 && samples.Count < MaxSamples * 4)
        {
            samples.Enqueue(text);
        }
    }
}
