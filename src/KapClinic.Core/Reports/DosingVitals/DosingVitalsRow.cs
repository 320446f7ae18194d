namespace KapClinic.Core.Reports.DosingVitals;

/// <summary>One vitals reading of a dosing session: numbers and coded values only (the reading's comment is free text and never leaves).</summary>
public sealed record DosingVitalsRow(
    DateTimeOffset SessionStartedAt,
    string Mrn,
    string Initials,
    DateTimeOffset TakenAt,
    int? MinutesSinceDose,
    int? Systolic,
    int? Diastolic,
    int? HeartRate,
    int? SpO2,
    int? RespiratoryRate,
    int? Moaas,
    string? Dissociation,
    int? Cadss6,
    string? Nausea);
