using KapClinic.Core.Integration;

namespace KapClinic.Core.Patients;

/// <summary>The clinician-judged risk of the latest signed integration note (when judged rather than screened).</summary>
public sealed record ChartRiskJudgement(RiskLevel Level, DateOnly On);
