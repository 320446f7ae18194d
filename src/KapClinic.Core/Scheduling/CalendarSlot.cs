namespace KapClinic.Core.Scheduling;

/// <summary>
/// One row of a day grid: a span of real time and its wall-clock start in the clinic's zone.
/// <see cref="IsRepeatedTime"/> marks the second pass through an hour when the clocks go back.
/// </summary>
public sealed record CalendarSlot(DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset LocalStart, bool IsRepeatedTime)
{
    public bool Holds(DateTimeOffset instant) => StartsAt <= instant && instant < EndsAt;
}
