namespace KapClinic.Core.Courses;

/// <summary>One session on the patient's session list: the session (no text) and its course's protocol.</summary>
public sealed record PatientSessionListItem(CourseSession Session, string ProtocolName);
