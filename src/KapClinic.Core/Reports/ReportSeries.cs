namespace KapClinic.Core.Reports;

/// <summary>One series of a <see cref="ReportChart"/>: a name for the legend and one value per category (null = no data).</summary>
public sealed record ReportSeries(string Name, IReadOnlyList<double?> Values);
