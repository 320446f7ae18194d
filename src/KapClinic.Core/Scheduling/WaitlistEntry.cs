using KapClinic.Core.Auditing;

namespace KapClinic.Core.Scheduling;

/// <summary>A patient waiting for a dosing slot. When a dosing appointment is cancelled, Staff see the slot offered here.</summary>
public sealed class WaitlistEntry : IAuditable
{
    public const int NoteMaxLength = 300;

    private WaitlistEntry()
    {
    }

    public WaitlistEntry(Guid patientId, Guid? courseId, string? note, Guid addedBy, DateTimeOffset addedAt)
    {
        Id = Guid.CreateVersion7(addedAt);
        PatientId = patientId;
        CourseId = courseId;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        AddedBy = addedBy;
        AddedAt = addedAt;
        Status = WaitlistStatus.Waiting;
    }

    public Guid Id { get; private set; }

    public Guid PatientId { get; private set; }

    public Guid? CourseId { get; private set; }

    public string? Note { get; private set; }

    public Guid AddedBy { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    public WaitlistStatus Status { get; private set; }

    public Guid? BookedAppointmentId { get; private set; }

    /// <summary>Concurrency token (PostgreSQL xmin): two people booking the same entry at once cannot both succeed.</summary>
    public uint Version { get; private set; }

    public string AuditEntityType => "WaitlistEntry";

    public Guid AuditEntityId => Id;

    public Guid? AuditPatientId => PatientId;

    public void MarkBooked(Guid appointmentId)
    {
        EnsureWaiting();
        Status = WaitlistStatus.Booked;
        BookedAppointmentId = appointmentId;
    }

    public void Remove()
    {
        EnsureWaiting();
        Status = WaitlistStatus.Removed;
    }

    private void EnsureWaiting()
    {
        if (Status != WaitlistStatus.Waiting)
        {
            throw new InvalidOperationException($"This waitlist entry is already {Status.ToString().ToLowerInvariant()}.");
        }
    }
}
