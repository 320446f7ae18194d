using KapClinic.Core.Users;

namespace KapClinic.Core.Reports.Fhir;

/// <summary>
/// The two FHIR exports as <see cref="ReportDefinition"/>s, so <see cref="ReportService"/> checks the role, validates the
/// filter and audits them like every report. They are not catalogue reports (no table, no preview): the page /Reports/Fhir runs them.
/// </summary>
public static class FhirExports
{
    public const string PatientKey = "fhir-patient";
    public const string BulkKey = "fhir-bulk";

    /// <summary>Admins and Clinicians: the export is the clinical record, which Staff do not read.</summary>
    public static IReadOnlyList<string> Roles { get; } = [ClinicRoles.Admin, ClinicRoles.Clinician];

    public static ReportDefinition Patient { get; } = new(
        PatientKey,
        "FHIR R4 patient record",
        "One patient's record as a FHIR R4 Bundle (JSON): demographics, sessions, doses, vital signs, rating scales and appointments.",
        Roles,
        ReportFilters.Patient,
        [],
        IsHeavy: false);

    public static ReportDefinition Bulk { get; } = new(
        BulkKey,
        "FHIR R4 bulk export",
        "Every record in a period as NDJSON files per resource type (Bulk Data style), in one zip.",
        Roles,
        ReportFilters.DateRange,
        [],
        IsHeavy: true);
}
