using KapClinic.Core.Courses;

namespace KapClinic.Core.Patients;

/// <summary>A treatment course on the chart, with its timeline of sessions and its progress.</summary>
public sealed record ChartCourse(
    Guid Id,
    string ProtocolName,
    DateOnly StartDate,
    CourseStatus Status,
    DateOnly? EndDate,
    string? StopReason,
    CourseTimeline Timeline)
{
    public int PlannedSessions => Timeline.PlannedSessions;

    public int SessionsDone => Timeline.SessionsDone;

    public int PercentDone => PlannedSessions <= 0 ? 0 : Math.Min(100, SessionsDone * 100 / PlannedSessions);

    public string ProgressText => $"{SessionsDone} of {PlannedSessions} planned sessions";
}
