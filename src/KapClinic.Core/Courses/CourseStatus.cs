namespace KapClinic.Core.Courses;

public enum CourseStatus
{
    Planned,
    Active,
    Completed,
    Stopped,
}
