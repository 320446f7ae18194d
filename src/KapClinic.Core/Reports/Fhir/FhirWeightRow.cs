namespace KapClinic.Core.Reports.Fhir;

/// <summary>A dated body weight from the chart, for a FHIR Observation.</summary>
public sealed record FhirWeightRow(Guid Id, Guid PatientId, DateOnly MeasuredOn, decimal Kg);
