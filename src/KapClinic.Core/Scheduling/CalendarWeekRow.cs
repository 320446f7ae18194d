namespace KapClinic.Core.Scheduling;

/// <summary>A row of a week view: one room or clinician, and their appointments on each day of the week.</summary>
public sealed record CalendarWeekRow(CalendarColumn Resource, IReadOnlyList<IReadOnlyList<CalendarAppointment>> Days);
