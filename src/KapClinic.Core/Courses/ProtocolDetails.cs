namespace KapClinic.Core.Courses;

/// <summary>A protocol for its edit form: the values as input (with the concurrency token) and whether it is in use.</summary>
public sealed record ProtocolDetails(Guid Id, bool IsActive, int CourseCount, ProtocolInput Input);
