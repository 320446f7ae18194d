namespace KapClinic.Core.Reports.Fhir;

/// <summary>
/// One set of vital signs for FHIR Observations: a monitoring reading, or a dosing session's pre-dose vitals and weight
/// of the day. <see cref="Id"/> is the record's id; each observation's id is derived from it and <see cref="Part"/>.
/// </summary>
public sealed record FhirVitalsRow(
    Guid Id, string Part, Guid PatientId, Guid SessionId, DateTimeOffset TakenAt, int? Systolic, int? Diastolic, int? HeartRate, int? SpO2,
    int? RespiratoryRate, decimal? WeightKg, Guid RecordedBy, string? RecordedByName);
