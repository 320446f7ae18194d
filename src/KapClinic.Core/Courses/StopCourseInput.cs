namespace KapClinic.Core.Courses;

/// <summary>Stopping a course early: why (kept on the course), and the course's concurrency token.</summary>
public sealed class StopCourseInput
{
    public string? Reason { get; set; }

    public uint Version { get; set; }
}
