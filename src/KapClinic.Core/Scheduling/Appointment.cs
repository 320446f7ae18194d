using KapClinic.Core.Auditing;

namespace KapClinic.Core.Scheduling;

/// <summary>
/// A booked time for a patient with a clinician, usually in a room. Times are UTC instants (the clinic's wall-clock
/// time is applied when booking and when showing). PostgreSQL keeps a room, a clinician and a patient each in at
/// most one non-cancelled appointment at a time (exclusion constraints over a tstzrange; see AppointmentConstraintsSql).
/// </summary>
public sealed class Appointment : IAuditable
{
    public const int CancelReasonMaxLength = 300;
    public static readonly TimeSpan MaximumLength = TimeSpan.FromHours(12);

    private Appointment()
    {
    }

    public Appointment(
        Guid patientId,
        AppointmentType type,
        Guid clinicianId,
        Guid? prescriberId,
        Guid? roomId,
        DateTimeOffset startsAt,
        DateTimeOffset endsAt,
        Guid? courseId,
        Guid createdBy,
        DateTimeOffset createdAt)
    {
        if (endsAt <= startsAt)
        {
            throw new ArgumentException("An appointment must end after it starts.", nameof(endsAt));
        }

        if (endsAt - startsAt > MaximumLength)
        {
            throw new ArgumentException("An appointment cannot be longer than 12 hours.", nameof(endsAt));
        }

        Id = Guid.CreateVersion7(createdAt);
        PatientId = patientId;
        Type = type;
        ClinicianId = clinicianId;
        PrescriberId = prescriberId;
        RoomId = roomId;
        StartsAt = startsAt.ToUniversalTime();
        EndsAt = endsAt.ToUniversalTime();
        CourseId = courseId;
        Status = AppointmentStatus.Booked;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid PatientId { get; private set; }

    public AppointmentType Type { get; private set; }

    /// <summary>The clinician who sees the patient (for dosing: the monitoring clinician).</summary>
    public Guid ClinicianId { get; private set; }

    /// <summary>For dosing: the prescriber on site (not held exclusively: one prescriber can cover several rooms).</summary>
    public Guid? PrescriberId { get; private set; }

    public Guid? RoomId { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    public Guid? CourseId { get; private set; }

    /// <summary>The session record this appointment became (set when a later feature opens it at check-in).</summary>
    public Guid? SessionId { get; private set; }

    public AppointmentStatus Status { get; private set; }

    public string? CancelReason { get; private set; }

    public DateTimeOffset? CheckedInAt { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; private set; }

    public TimeSpan Duration => EndsAt - StartsAt;

    public bool IsCancelled => Status == AppointmentStatus.Cancelled;

    public string AuditEntityType => "Appointment";

    public Guid AuditEntityId => Id;

    public Guid? AuditPatientId => PatientId;

    public void Reschedule(DateTimeOffset startsAt, DateTimeOffset endsAt, Guid? roomId, Guid clinicianId)
    {
        EnsureOpen("reschedule");
        if (endsAt <= startsAt || endsAt - startsAt > MaximumLength)
        {
            throw new ArgumentException("An appointment must end after it starts and last at most 12 hours.", nameof(endsAt));
        }

        StartsAt = startsAt.ToUniversalTime();
        EndsAt = endsAt.ToUniversalTime();
        RoomId = roomId;
        ClinicianId = clinicianId;
    }

    public void CheckIn(DateTimeOffset at)
    {
        Move(AppointmentStatus.Booked, AppointmentStatus.CheckedIn);
        CheckedInAt = at;
    }

    public void Start() => Move(AppointmentStatus.CheckedIn, AppointmentStatus.InProgress);

    public void Complete()
    {
        if (Status is not (AppointmentStatus.CheckedIn or AppointmentStatus.InProgress))
        {
            throw new InvalidOperationException($"Only a checked-in or in-progress appointment can be completed; this one is {Status}.");
        }

        Status = AppointmentStatus.Completed;
    }

    public void Cancel(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        EnsureOpen("cancel");
        Status = AppointmentStatus.Cancelled;
        CancelReason = reason.Trim();
    }

    public void MarkNoShow() => Move(AppointmentStatus.Booked, AppointmentStatus.NoShow);

    public void LinkSession(Guid sessionId) => SessionId = sessionId;

    private void Move(AppointmentStatus from, AppointmentStatus to)
    {
        if (Status != from)
        {
            throw new InvalidOperationException($"An appointment that is {Status} cannot become {to}.");
        }

        Status = to;
    }

    private void EnsureOpen(string action)
    {
        if (Status is not (AppointmentStatus.Booked or AppointmentStatus.CheckedIn))
        {
            throw new InvalidOperationException($"An appointment that is {Status} cannot {action}.");
        }
    }
}
