using KapClinic.Core.Patients;

namespace KapClinic.Core.Reports.Fhir;

/// <summary>The patient's fields the export maps to a FHIR Patient.</summary>
public sealed record FhirPatientRow(
    Guid Id, string Mrn, string LegalFirstName, string LegalLastName, string? PreferredName, DateOnly DateOfBirth, SexAtBirth Sex,
    string? Phone, string? Email, PostalAddress Address, bool IsArchived);
