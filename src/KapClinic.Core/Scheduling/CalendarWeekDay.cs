namespace KapClinic.Core.Scheduling;

/// <summary>A day of a week view: its date and real length (23 or 25 hours on a daylight-saving change).</summary>
public sealed record CalendarWeekDay(DateOnly Date, TimeSpan Length)
{
    public bool IsDaylightSavingChange => Length != TimeSpan.FromHours(24);
}
