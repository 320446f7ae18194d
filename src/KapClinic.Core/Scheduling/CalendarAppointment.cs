using System.Globalization;

namespace KapClinic.Core.Scheduling;

/// <summary>
/// An appointment as a calendar shows it: UTC instants and the same in the clinic's zone, the patient's name and
/// initials (a view chooses which to show), the clinician, the prescriber and the room.
/// </summary>
public sealed record CalendarAppointment(
    Guid Id,
    AppointmentType Type,
    AppointmentStatus Status,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset LocalStart,
    DateTimeOffset LocalEnd,
    Guid PatientId,
    string PatientName,
    string PatientInitials,
    Guid ClinicianId,
    string ClinicianName,
    Guid? PrescriberId,
    string? PrescriberName,
    Guid? RoomId,
    string? RoomName)
{
    public string StartText => LocalStart.ToString("HH:mm", CultureInfo.InvariantCulture);

    public string TimeText => $"{StartText}–{LocalEnd.ToString("HH:mm", CultureInfo.InvariantCulture)}";

    public bool IsCancelled => Status == AppointmentStatus.Cancelled;
}
