namespace KapClinic.Core.Exports;

/// <summary>A row that is not data (an opening or closing balance), in both formats, shown in bold in the PDF.</summary>
public sealed record ReportExtraRow(IReadOnlyList<string> Csv, IReadOnlyList<string?> Pdf);
