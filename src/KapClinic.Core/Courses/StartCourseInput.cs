namespace KapClinic.Core.Courses;

/// <summary>The "start a course" form: which protocol, from when.</summary>
public sealed class StartCourseInput
{
    public Guid? ProtocolId { get; set; }

    public DateOnly? StartDate { get; set; }
}
