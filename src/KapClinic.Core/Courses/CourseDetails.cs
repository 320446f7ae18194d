using KapClinic.Core.Patients;

namespace KapClinic.Core.Courses;

/// <summary>
/// One course with its patient and protocol, and how many sessions of each phase are done (sessions come with
/// later features; until then the counts are 0).
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
    int PreparationDone,
    int DosingDone,
    int IntegrationDone)
{
    public int SessionsDone => PreparationDone + DosingDone + IntegrationDone;

    public int PlannedSessions =>
        Protocol.PlannedPreparationSessions + Protocol.PlannedDosingSessions + Protocol.PlannedIntegrationSessions;

    public string ProgressText => $"{SessionsDone} of {PlannedSessions} sessions";

    public bool CanActivate => Status == CourseStatus.Planned;

    public bool CanComplete => Status == CourseStatus.Active;

    public bool CanStop => Status is CourseStatus.Planned or CourseStatus.Active;
}
