using KapClinic.Core.Patients;

namespace KapClinic.Core.Courses;

/// <summary>
/// One course with its patient and protocol, its timeline of sessions (with the signed counts of each phase) and,
/// while it is planned or active, whether it is ready to dose.
/// </summary>
public sealed record CourseDetails(
    Guid Id,
    PatientBanner Patient,
    ProtocolListItem Protocol,
    CourseStatus Status,
    DateOnly StartDate,
    DateOnly? EndDate,
    string? StopReason,
    DateTimeOffset CreatedAt,
    string CreatedByName,
    uint Version,
    CourseTimeline Timeline)
{
    public int PreparationDone => Timeline.SignedPreparation;

    public int DosingDone => Timeline.SignedDosing;

    public int IntegrationDone => Timeline.SignedIntegration;

    public int SessionsDone => PreparationDone + DosingDone + IntegrationDone;

    public int PlannedSessions =>
        Protocol.PlannedPreparationSessions + Protocol.PlannedDosingSessions + Protocol.PlannedIntegrationSessions;

    public string ProgressText => $"{SessionsDone} of {PlannedSessions} sessions";

    public bool CanActivate => Status == CourseStatus.Planned;

    public bool CanComplete => Status == CourseStatus.Active;

    public bool CanStop => Status is CourseStatus.Planned or CourseStatus.Active;
}
