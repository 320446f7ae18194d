namespace KapClinic.Core.Reports;

/// <summary>
/// A bar or line chart a report shows beside its preview (and may draw in its PDF): categories along the x axis
/// (protocols, months), one series per measure; a null value is a gap (no data), not zero.
/// </summary>
public sealed record ReportChart(string Title, string ValueLabel, IReadOnlyList<string> Categories, IReadOnlyList<ReportSeries> Series);
