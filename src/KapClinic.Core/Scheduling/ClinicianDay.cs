namespace KapClinic.Core.Scheduling;

/// <summary>One clinician's day: the appointments they see or cover as prescriber, by start time, with cancelled ones marked.</summary>
public sealed record ClinicianDay(Guid ClinicianId, string ClinicianName, ClinicDayWindow Window, string TimeZoneId, IReadOnlyList<CalendarAppointment> Appointments)
{
    public DateOnly Day => Window.Day;

    public bool IsDaylightSavingChange => Window.Length != TimeSpan.FromHours(24);
}
