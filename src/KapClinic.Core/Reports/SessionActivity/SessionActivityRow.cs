namespace KapClinic.Core.Reports.SessionActivity;

/// <summary>One session of any kind: when (UTC), what kind, the patient by MRN and initials, who held it, under which protocol, its note status, and its length in minutes when known.</summary>
public sealed record SessionActivityRow(
    DateTimeOffset OccurredAt, string Type, string Mrn, string Initials, string Clinician, string Protocol, string Status, int? DurationMinutes);
