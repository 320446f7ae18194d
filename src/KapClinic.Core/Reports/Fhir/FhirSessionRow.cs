using KapClinic.Core.Notes;

namespace KapClinic.Core.Reports.Fhir;

/// <summary>One session (preparation, dosing or integration) for a FHIR Encounter; the appointment only when it is exported too.</summary>
public sealed record FhirSessionRow(
    Guid Id, Guid PatientId, NoteKind Kind, NoteStatus Status, DateTimeOffset OccurredAt, int? DurationMinutes, DateTimeOffset? DischargedAt,
    Guid AuthorId, string? AuthorName, Guid? AppointmentId);
