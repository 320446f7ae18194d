using KapClinic.Core.Exports;

namespace KapClinic.Core.Inventory.Records;

/// <summary>The inventory report as an export: one row per lot, then the signature.</summary>
public static class InventoryReportTable
{
    public static IReadOnlyList<PdfColumn> Columns { get; } =
    [
        new("Product", 1.8), new("NDC", 1.0), new("Strength", 1.4), new("Lot", 1.1), new("Expires", 0.8), new("Balance", 0.7, AlignRight: true),
        new("Unit", 0.6), new("Containers", 0.75, AlignRight: true), new("Last count", 0.75, AlignRight: true), new("Last counted at", 1.1),
    ];

    public static ReportTable<InventoryReportLot> For(TimeZoneInfo zone) => new(
        Columns,
        l =>
        [
            CsvCells.Text(l.ProductName), CsvCells.Text(l.Ndc), CsvCells.Text(l.Strength), CsvCells.Text(l.LotNumber), CsvCells.Date(l.ExpiresOn),
            CsvCells.Number(l.Balance), CsvCells.Text(l.UnitName), CsvCells.Number(l.Containers), CsvCells.Number(l.LastCountedUnits),
            CsvCells.Time(l.LastCountedAt, zone),
        ],
        l =>
        [
            l.ProductName, l.Ndc, l.Strength, l.LotNumber, RecordsFormat.Date(l.ExpiresOn), RecordsFormat.Units(l.Balance), l.UnitName,
            RecordsFormat.Units(l.Containers), RecordsFormat.Units(l.LastCountedUnits), RecordsFormat.Time(l.LastCountedAt, zone),
        ]);
}
