namespace KapClinic.Core.Scheduling;

/// <summary>
/// A week: one row per room or clinician and one column per day (so 20 clinicians stay readable), each cell a
/// compact list of that day's appointments by local start time. Cancelled appointments are left out.
/// </summary>
public sealed record CalendarWeek(
    DateOnly WeekStart,
    CalendarGrouping Grouping,
    string TimeZoneId,
    IReadOnlyList<CalendarWeekDay> Days,
    IReadOnlyList<CalendarWeekRow> Rows);
