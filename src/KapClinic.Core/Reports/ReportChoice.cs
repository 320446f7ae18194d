namespace KapClinic.Core.Reports;

/// <summary>One option of a report filter's select list: an id and what the user reads.</summary>
public sealed record ReportChoice(Guid Id, string Label);
