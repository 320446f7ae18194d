using KapClinic.Core.Measures;

namespace KapClinic.Core.Reports.Fhir;

/// <summary>One completed rating scale: its total for an Observation, its answers for a QuestionnaireResponse.</summary>
public sealed record FhirMeasureRow(
    Guid Id, Guid PatientId, Instrument Instrument, int[] Answers, decimal Total, string? Band, DateTimeOffset TakenAt, Guid EnteredBy,
    string? EnteredByName, Guid? EncounterId);
