using KapClinic.Core.Courses;

namespace KapClinic.Core.Reports.Fhir;

/// <summary>One dose administration for a FHIR MedicationAdministration.</summary>
public sealed record FhirDoseRow(
    Guid Id, Guid PatientId, Guid SessionId, DrugKind Drug, AdministrationRoute Route, decimal DoseMg, DateTimeOffset AdministeredAt,
    DateTimeOffset? InfusionEndAt, bool IsInfusion, decimal? InfusionRateMlPerHour, string LotNumber, Guid GivenById, string? GivenByName);
