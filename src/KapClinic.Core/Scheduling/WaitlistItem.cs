namespace KapClinic.Core.Scheduling;

/// <summary>A patient waiting for a dosing slot, as the waitlist shows them.</summary>
public sealed record WaitlistItem(
    Guid Id,
    Guid PatientId,
    string PatientName,
    string Mrn,
    Guid? CourseId,
    string? CourseProtocolName,
    string? Note,
    DateTimeOffset AddedAt,
    string? AddedByName);
