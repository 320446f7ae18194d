namespace KapClinic.Soak;

/// <summary>The app's resident memory at a moment of the run.</summary>
public sealed record MemorySample(TimeSpan At, long ResidentBytes);
