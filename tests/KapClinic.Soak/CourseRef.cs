namespace KapClinic.Soak;

/// <summary>An active treatment course: preparation notes are written within it.</summary>
public sealed record CourseRef(Guid PatientId, Guid CourseId);
