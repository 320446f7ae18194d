namespace KapClinic.Core.Patients;

/// <summary>A patient as the edit page shows them: the editable input plus what is shown but not edited there.</summary>
public sealed record PatientEditView(
    Guid Id,
    string Mrn,
    string DisplayName,
    PatientStatus Status,
    IReadOnlyList<PatientStatus> AllowedMoves,
    bool IsArchived,
    DateTimeOffset? ArchivedAt,
    PatientInput Input);
