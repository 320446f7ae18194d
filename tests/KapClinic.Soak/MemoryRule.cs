namespace KapClinic.Soak;

/// <summary>
/// "Memory steady after warm-up": the first half of the run is warm-up (JIT, pools, caches fill); over the last half the
/// resident memory may grow by at most <see cref="MaxGrowthPercent"/>. Each end of the last half is the median of a few
/// samples, so one garbage collection landing on a sample does not decide the verdict.
/// </summary>
public static class MemoryRule
{
    public const double MaxGrowthPercent = 10;

    /// <summary>Shorter runs are all warm-up (a 1-minute check of the flow): their memory is reported, not judged.</summary>
    public static readonly TimeSpan MinimumRun = TimeSpan.FromMinutes(3);

    private const int Window = 3;

    public static MemoryVerdict Judge(IReadOnlyList<MemorySample> samples, double maxGrowthPercent = MaxGrowthPercent)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count < 4)
        {
            return new MemoryVerdict(false, 0, 0, 0, samples.Count == 0 ? 0 : samples.Max(s => s.ResidentBytes), $"Too few memory samples ({samples.Count}) to judge.");
        }

        var ordered = samples.OrderBy(s => s.At).ToList();
        var middle = ordered[0].At + ((ordered[^1].At - ordered[0].At) / 2);
        var lastHalf = ordered.Where(s => s.At >= middle).ToList();
        var window = Math.Max(1, Math.Min(Window, lastHalf.Count / 2));
        var start = Median(lastHalf.Take(window));
        var end = Median(lastHalf.TakeLast(window));
        var growth = start == 0 ? 0 : (end - start) * 100.0 / start;
        var steady = growth <= maxGrowthPercent;
        if (ordered[^1].At - ordered[0].At < MinimumRun)
        {
            return new MemoryVerdict(steady, growth, start, end, ordered.Max(s => s.ResidentBytes),
                $"Last half: {Mib(start)} -> {Mib(end)} ({growth:+0.0;-0.0} %); not judged: a run under {MinimumRun.TotalMinutes:0} minutes is all warm-up.", Judged: false);
        }

        var reason = steady
            ? $"Last half: {Mib(start)} -> {Mib(end)} ({growth:+0.0;-0.0} %), within {maxGrowthPercent} %."
            : $"Last half: {Mib(start)} -> {Mib(end)} ({growth:+0.0;-0.0} %), more than {maxGrowthPercent} %.";
        return new MemoryVerdict(steady, growth, start, end, ordered.Max(s => s.ResidentBytes), reason);
    }

    public static string Mib(long bytes) => $"{bytes / 1024.0 / 1024.0:0} MiB";

    private static long Median(IEnumerable<MemorySample> samples)
    {
        var values = samples.Select(s => s.ResidentBytes).Order().ToArray();
        return values[values.Length / 2];
    }
}
