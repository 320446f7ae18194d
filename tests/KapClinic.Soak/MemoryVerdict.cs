namespace KapClinic.Soak;

/// <summary>What <see cref="MemoryRule"/> found: growth over the last half of the run, and whether it is within the limit.</summary>
public sealed record MemoryVerdict(bool Steady, double GrowthPercent, long StartOfLastHalf, long EndOfLastHalf, long Peak, string Reason);
