using KapClinic.Core.Measures;

namespace KapClinic.Core.Patients;

/// <summary>Everything the chart page shows, read in a fixed number of small queries.</summary>
public sealed record PatientChart(
    ChartHeader Header,
    DateOnly Today,
    IReadOnlyList<PatientAlert> Alerts,
    ChartScreening? Screening,
    IReadOnlyList<ChartCourse> Courses,
    IReadOnlyList<ChartConsent> Consents,
    IReadOnlyList<ChartWeight> Weights,
    IReadOnlyList<ChartAllergy> Allergies,
    IReadOnlyList<ChartMedication> Medications,
    IReadOnlyList<ChartDiagnosis> Diagnoses,
    IReadOnlyList<ChartMeasure> LatestMeasures,
    IReadOnlyList<MeasureTrend> Trends);
