namespace KapClinic.Core.Exports;

/// <summary>How one kind of row becomes cells: the columns (their headers head the CSV too), the CSV cells (through <see cref="CsvCells"/>) and the PDF cells.</summary>
public sealed record ReportTable<T>(IReadOnlyList<PdfColumn> Columns, Func<T, IReadOnlyList<string>> Csv, Func<T, IReadOnlyList<string?>> Pdf);
