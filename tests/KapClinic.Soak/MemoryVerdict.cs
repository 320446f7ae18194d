namespace KapClinic.Soak;

/// <summary>
/// What <see cref="MemoryRule"/> found: growth over the last half of the run, and whether it is within the limit. A run
/// shorter than <see cref="MemoryRule.MinimumRun"/> is all warm-up: not <see cref="Judged"/> (reported, not a failure).
/// </summary>
public sealed record MemoryVerdict(bool Steady, double GrowthPercent, long StartOfLastHalf, long EndOfLastHalf, long Peak, string Reason, bool Judged = true)
{
    public bool Failed => Judged && !Steady;
}
