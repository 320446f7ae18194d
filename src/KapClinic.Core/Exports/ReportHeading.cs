namespace KapClinic.Core.Exports;

/// <summary>What heads every page of an exported report: the clinic, the report's title, its filters and when it was made.</summary>
public sealed record ReportHeading(string ClinicName, string Title, IReadOnlyList<string> Filters, string GeneratedAt);
