using KapClinic.Core.Courses;

namespace KapClinic.Core.Reports.CourseSummary;

/// <summary>One of the patient's courses: protocol, dates and status.</summary>
public sealed record SummaryCourse(Guid Id, string Protocol, DateOnly StartDate, DateOnly? EndDate, CourseStatus Status);
