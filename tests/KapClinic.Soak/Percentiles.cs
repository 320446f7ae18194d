namespace KapClinic.Soak;

/// <summary>Nearest-rank percentiles of latencies (what "p99 = 120 ms" means: 99 % of requests took at most that).</summary>
public static class Percentiles
{
    /// <summary>The <paramref name="percent"/>-th percentile (0-100] by nearest rank; 0 for no values.</summary>
    public static double Of(IReadOnlyList<double> values, double percent)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
