using KapClinic.Core.Courses;

namespace KapClinic.Core.Patients;

/// <summary>A treatment course with its progress. Sessions arrive with later features, so none are done yet.</summary>
public sealed record ChartCourse(
    Guid Id,
    string ProtocolName,
    DateOnly StartDate,
    CourseStatus Status,
    DateOnly? EndDate,
    string? StopReason,
    int PlannedSessions,
    int SessionsDone)
{
    public int PercentDone => PlannedSessions <= 0 ? 0 : Math.Min(100, SessionsDone * 100 / PlannedSessions);

    public string ProgressText => $"{SessionsDone} of {PlannedSessions} planned sessions";
}
