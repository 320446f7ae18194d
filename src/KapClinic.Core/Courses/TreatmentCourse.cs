using KapClinic.Core.Auditing;

namespace KapClinic.Core.Courses;

/// <summary>A patient's course on one protocol. Its sessions (later features) fill the progress.</summary>
public sealed class TreatmentCourse : IAuditable
{
    public const int StopReasonMaxLength = 500;

    private TreatmentCourse()
    {
    }

    public TreatmentCourse(Guid patientId, Guid protocolId, DateOnly startDate, Guid createdBy, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7(createdAt);
        PatientId = patientId;
        ProtocolId = protocolId;
        StartDate = startDate;
        Status = CourseStatus.Planned;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid PatientId { get; private set; }

    public Guid ProtocolId { get; private set; }

    public DateOnly StartDate { get; private set; }

    public CourseStatus Status { get; private set; }

    public string? StopReason { get; private set; }

    public DateOnly? EndDate { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; private set; }

    public string AuditEntityType => "TreatmentCourse";

    public Guid AuditEntityId => Id;

    public Guid? AuditPatientId => PatientId;

    public void Start()
    {
        EnsureStatus(CourseStatus.Planned, "start");
        Status = CourseStatus.Active;
    }

    public void Complete(DateOnly on)
    {
        EnsureStatus(CourseStatus.Active, "complete");
        Status = CourseStatus.Completed;
        EndDate = on;
    }

    public void Stop(string reason, DateOnly on)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (Status is CourseStatus.Completed or CourseStatus.Stopped)
        {
            throw new InvalidOperationException($"A {Status.ToString().ToLowerInvariant()} course cannot be stopped.");
        }

        Status = CourseStatus.Stopped;
        StopReason = reason.Trim();
        EndDate = on;
    }

    private void EnsureStatus(CourseStatus expected, string action)
    {
        if (Status != expected)
        {
            throw new InvalidOperationException($"Only a {expected.ToString().ToLowerInvariant()} course can {action}; this one is {Status.ToString().ToLowerInvariant()}.");
        }
    }
}
