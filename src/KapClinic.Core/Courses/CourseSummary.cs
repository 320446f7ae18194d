namespace KapClinic.Core.Courses;

/// <summary>A course in a patient's list: protocol, dates, status and progress.</summary>
public sealed record CourseSummary(
    Guid Id,
    string ProtocolName,
    DateOnly StartDate,
    DateOnly? EndDate,
    CourseStatus Status,
    int SessionsDone,
    int PlannedSessions)
{
    public bool IsOpen => Status is CourseStatus.Planned or CourseStatus.Active;

    public string ProgressText => $"{SessionsDone} of {PlannedSessions} sessions";
}
