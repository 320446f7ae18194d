namespace KapClinic.Core.Patients;

/// <summary>One row of the patient list: only what the list shows.</summary>
public sealed record PatientListItem(
    Guid Id,
    string Mrn,
    string DisplayName,
    DateOnly DateOfBirth,
    int Age,
    PatientStatus Status,
    string? PrimaryClinicianName,
    bool IsArchived);
