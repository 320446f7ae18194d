namespace KapClinic.Core.Scheduling;

/// <summary>One block of a weekly template in wall-clock time, e.g. Monday 09:00-13:00.</summary>
public sealed record HoursBlock(DayOfWeek Day, TimeOnly Start, TimeOnly End)
{
    public bool Contains(TimeOnly start, TimeOnly end) => Start <= start && end <= End;
}
