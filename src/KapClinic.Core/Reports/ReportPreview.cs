namespace KapClinic.Core.Reports;

/// <summary>What the report page shows: the column headers, the first rows (display text), the totals, and whether more rows exist.</summary>
public sealed record ReportPreview(
    IReadOnlyList<string> Headers,
    IReadOnlyList<IReadOnlyList<string?>> Rows,
    IReadOnlyList<ReportTotal> Totals,
    bool HasMore);
