using KapClinic.Core.Courses;

namespace KapClinic.Core.Integration;

/// <summary>The course an integration note belongs to, as its pages show it.</summary>
public sealed record IntegrationCourseInfo(Guid Id, string ProtocolName, CourseStatus Status, DateOnly StartDate, int PlannedIntegrationSessions)
{
    /// <summary>Integration notes are written while a course is planned or running, not after it ended.</summary>
    public bool AcceptsNewSessions => Status is CourseStatus.Planned or CourseStatus.Active;
}
