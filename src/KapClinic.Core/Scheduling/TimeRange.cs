namespace KapClinic.Core.Scheduling;

/// <summary>A half-open span of time [Start, End): an appointment ending at 10:00 does not overlap one starting at 10:00.</summary>
public readonly record struct TimeRange(DateTimeOffset Start, DateTimeOffset End)
{
    public TimeSpan Length => End - Start;

    public bool Overlaps(TimeRange other) => Start < other.End && other.Start < End;
}
