namespace KapClinic.Core.Scheduling;

/// <summary>
/// A day grid: columns are rooms or clinicians, rows are half-hour slots in clinic time, cells hold appointments
/// (cancelled ones are left out). <see cref="Length"/> is 23 or 25 hours on a daylight-saving change day.
/// </summary>
public sealed record CalendarDay(
    ClinicDayWindow Window,
    CalendarGrouping Grouping,
    string TimeZoneId,
    IReadOnlyList<CalendarColumn> Columns,
    IReadOnlyList<CalendarRow> Rows,
    IReadOnlyList<CalendarAppointment> Appointments)
{
    public DateOnly Day => Window.Day;

    public TimeSpan Length => Window.Length;

    public bool IsDaylightSavingChange => Length != TimeSpan.FromHours(24);
}
