using KapClinic.Core.Courses;

namespace KapClinic.Core.Preparation;

/// <summary>The course a preparation note belongs to, as its pages show it.</summary>
public sealed record PreparationCourseInfo(Guid Id, string ProtocolName, CourseStatus Status, DateOnly StartDate, int PlannedPreparationSessions)
{
    /// <summary>Preparation notes are written while a course is planned or running, not after it ended.</summary>
    public bool AcceptsNewSessions => Status is CourseStatus.Planned or CourseStatus.Active;
}
