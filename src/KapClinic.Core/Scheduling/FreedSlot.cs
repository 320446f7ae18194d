namespace KapClinic.Core.Scheduling;

/// <summary>The time, room and clinicians a cancelled dosing appointment leaves free.</summary>
public sealed record FreedSlot(
    Guid CancelledAppointmentId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    Guid? RoomId,
    string? RoomName,
    Guid ClinicianId,
    string ClinicianName,
    Guid? PrescriberId);
