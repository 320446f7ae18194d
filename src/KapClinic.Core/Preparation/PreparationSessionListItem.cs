using KapClinic.Core.Notes;

namespace KapClinic.Core.Preparation;

/// <summary>That a preparation session happened, and when and with whom: no note text (Staff may see this).</summary>
public sealed record PreparationSessionListItem(
    Guid Id,
    DateTimeOffset OccurredAt,
    int DurationMinutes,
    SessionModality Modality,
    string ClinicianName,
    NoteStatus Status,
    DateTimeOffset? SignedAt);
