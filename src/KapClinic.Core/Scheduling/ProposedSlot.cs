namespace KapClinic.Core.Scheduling;

/// <summary>Who and what an appointment would hold, and when; <see cref="ExcludeAppointmentId"/> is the one being moved.</summary>
public sealed record ProposedSlot(
    Guid PatientId,
    Guid ClinicianId,
    Guid? RoomId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    Guid? ExcludeAppointmentId = null)
{
    public TimeRange Range => new(StartsAt, EndsAt);

    /// <summary>Whether an appointment of these people or this room would clash with it.</summary>
    public bool SharesResourceWith(BusyAppointment other) =>
        other.PatientId == PatientId || other.ClinicianId == ClinicianId || (RoomId is not null && other.RoomId == RoomId);
}
