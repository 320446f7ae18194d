namespace KapClinic.Core.Patients;

/// <summary>The demographic and contact fields of a patient, as one value the registry form edits.</summary>
public sealed record PatientDetails(
    string LegalFirstName,
    string LegalLastName,
    string? PreferredName,
    DateOnly DateOfBirth,
    SexAtBirth SexAtBirth,
    string? GenderIdentity,
    string? Pronouns,
    string? Phone,
    string? Email,
    PostalAddress Address,
    EmergencyContact EmergencyContact,
    Guid? PrimaryClinicianId,
    string? ReferralSource,
    decimal? HeightCm);
