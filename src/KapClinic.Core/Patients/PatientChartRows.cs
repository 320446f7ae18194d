using KapClinic.Core.Courses;
using KapClinic.Core.Integration;
using KapClinic.Core.Measures;

namespace KapClinic.Core.Patients;

/// <summary>The chart's parts as <see cref="PatientChartSql"/> returns them, before the service assembles the chart.</summary>
internal sealed record PatientChartRows(
    PatientChartRows.PatientRow? Patient,
    IReadOnlyList<ChartWeight> Weights,
    ChartScreening? Screening,
    IReadOnlyList<PatientChartRows.CourseRow> Courses,
    IReadOnlyList<CourseSession> Sessions,
    IReadOnlyList<ChartConsent> Consents,
    IReadOnlyList<ChartAllergy> Allergies,
    IReadOnlyList<ChartMedication> Medications,
    IReadOnlyList<ChartDiagnosis> Diagnoses,
    IReadOnlyList<ChartMeasure> Measures,
    IReadOnlyList<PatientChartRows.TrendPointRow> TrendPoints,
    PatientChartRows.RiskRow? Risk)
{
    internal sealed record PatientRow(
        Guid Id, string Mrn, string LegalFirstName, string LegalLastName, string? PreferredName, DateOnly DateOfBirth,
        SexAtBirth SexAtBirth, string? GenderIdentity, string? Pronouns, string? Phone, string? Email,
        EmergencyContact EmergencyContact, string? ReferralSource, PatientStatus Status, bool IsArchived, decimal? HeightCm,
        string? Clinician);

    internal sealed record CourseRow(
        Guid Id, string Name, DateOnly StartDate, CourseStatus Status, DateOnly? EndDate, string? StopReason,
        int PlannedPreparationSessions, int PlannedDosingSessions, int PlannedIntegrationSessions);

    internal sealed record TrendPointRow(Instrument Instrument, Guid Id, DateTimeOffset TakenAt, decimal Total, string? Band);

    internal sealed record RiskRow(RiskCheckMethod? RiskMethod, RiskLevel? RiskLevel, DateTimeOffset OccurredAt);
}
