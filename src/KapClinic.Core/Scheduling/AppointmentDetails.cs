namespace KapClinic.Core.Scheduling;

/// <summary>One appointment with the names it refers to, for its page.</summary>
public sealed record AppointmentDetails(
    Guid Id,
    Guid PatientId,
    string PatientName,
    string Mrn,
    AppointmentType Type,
    AppointmentStatus Status,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    Guid ClinicianId,
    string ClinicianName,
    Guid? PrescriberId,
    string? PrescriberName,
    Guid? RoomId,
    string? RoomName,
    Guid? CourseId,
    string? CourseProtocolName,
    string? CancelReason,
    DateTimeOffset? CheckedInAt,
    string CreatedByName,
    DateTimeOffset CreatedAt,
    uint Version)
{
    public bool CanReschedule => Status is AppointmentStatus.Booked or AppointmentStatus.CheckedIn;

    public bool CanCancel => CanReschedule;

    public bool CanCheckIn => Status == AppointmentStatus.Booked;

    public bool CanStart => Status == AppointmentStatus.CheckedIn;

    public bool CanComplete => Status is AppointmentStatus.CheckedIn or AppointmentStatus.InProgress;

    public bool CanMarkNoShow => Status == AppointmentStatus.Booked;

    /// <summary>Whether this clinician may see it: they see the patient, or they are the prescriber on site.</summary>
    public bool Involves(Guid clinicianId) => ClinicianId == clinicianId || PrescriberId == clinicianId;
}
