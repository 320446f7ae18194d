namespace KapClinic.Core.Scheduling;

/// <summary>A patient waiting for a dosing slot, as the waitlist shows them (oldest first).</summary>
public sealed record WaitlistItem(
    Guid Id,
    Guid PatientId,
    string PatientName,
    string Mrn,
    Guid? CourseId,
    string? ProtocolName,
    string? Note,
    DateTimeOffset AddedAt,
    string AddedByName);
