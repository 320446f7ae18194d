namespace KapClinic.Core.Reports;

/// <summary>One total or rate shown under a preview and at the end of an export ("Sessions", "42").</summary>
public sealed record ReportTotal(string Label, string Value);
