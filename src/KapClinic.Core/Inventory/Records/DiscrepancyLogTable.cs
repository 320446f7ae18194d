using KapClinic.Core.Exports;

namespace KapClinic.Core.Inventory.Records;

/// <summary>The discrepancy log as an export.</summary>
public static class DiscrepancyLogTable
{
    public static IReadOnlyList<PdfColumn> Columns { get; } =
    [
        new("Opened", 1.1), new("Product", 1.6), new("Lot", 1.0), new("Expected", 0.7, AlignRight: true), new("Counted", 0.7, AlignRight: true),
        new("Variance", 0.7, AlignRight: true), new("Counted by", 1.3), new("Resolved", 1.1), new("Resolved by", 1.3), new("Resolution note", 2.6),
    ];

    public static ReportTable<DiscrepancyLogEntry> For(TimeZoneInfo zone) => new(
        Columns,
        d =>
        [
            CsvCells.Time(d.OpenedAt, zone), CsvCells.Text(d.ProductName), CsvCells.Text(d.LotNumber), CsvCells.Number(d.ExpectedUnits),
            CsvCells.Number(d.CountedUnits), CsvCells.Number(d.Variance), CsvCells.Text(d.CountedBy), CsvCells.Time(d.ResolvedAt, zone),
            CsvCells.Text(d.ResolvedBy), CsvCells.Text(d.ResolutionNote),
        ],
        d =>
        [
            RecordsFormat.Time(d.OpenedAt, zone), d.ProductName, d.LotNumber, RecordsFormat.Units(d.ExpectedUnits), RecordsFormat.Units(d.CountedUnits),
            RecordsFormat.Variance(d.Variance), d.CountedBy, d.IsOpen ? "Open" : RecordsFormat.Time(d.ResolvedAt, zone), d.ResolvedBy, d.ResolutionNote,
        ]);
}
