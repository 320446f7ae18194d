namespace KapClinic.Core.Scheduling;

/// <summary>A non-cancelled appointment as the conflict checks see it, with the names a message needs.</summary>
public sealed record BusyAppointment(
    Guid Id,
    Guid PatientId,
    Guid ClinicianId,
    string ClinicianName,
    Guid? RoomId,
    string? RoomName,
    AppointmentType Type,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt)
{
    public TimeRange Range => new(StartsAt, EndsAt);
}
