namespace KapClinic.Core.Notes;

/// <summary>A draft note its author has left unsigned past the clinic's limit: a line on their dashboard.</summary>
public sealed record OverdueDraft(
    Guid NoteId,
    NoteKind Kind,
    Guid PatientId,
    string PatientName,
    string Mrn,
    DateTimeOffset OccurredAt,
    DateTimeOffset CreatedAt);
