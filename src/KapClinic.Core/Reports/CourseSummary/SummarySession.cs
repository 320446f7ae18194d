using KapClinic.Core.Notes;

namespace KapClinic.Core.Reports.CourseSummary;

/// <summary>That a session happened (no note text): its course, kind, time, clinician, and the signature as stored.</summary>
public sealed record SummarySession(
    Guid CourseId,
    NoteKind Kind,
    DateTimeOffset OccurredAt,
    NoteStatus Status,
    string ClinicianName,
    string? SignerName,
    string? SignerCredentials,
    DateTimeOffset? SignedAt);
