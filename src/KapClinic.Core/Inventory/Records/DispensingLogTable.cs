using KapClinic.Core.Exports;

namespace KapClinic.Core.Inventory.Records;

/// <summary>The dispensing log as an export: columns, cells, and the opening and closing balance rows.</summary>
public static class DispensingLogTable
{
    public static IReadOnlyList<PdfColumn> Columns { get; } =
    [
        new("Date and time", 1.3), new("Entry", 1.1), new("Lot", 1.1), new("In", 0.6, AlignRight: true), new("Out", 0.6, AlignRight: true),
        new("Lot balance", 0.75, AlignRight: true), new("Product balance", 0.8, AlignRight: true), new("Patient MRN", 0.9),
        new("Recorded by", 1.4), new("Witness", 1.4), new("Details (reason, reference, count)", 2.8),
    ];

    public static ReportTable<DispensingLogEntry> For(TimeZoneInfo zone) => new(
        Columns,
        e =>
        [
            CsvCells.Time(e.RecordedAt, zone), CsvCells.Text(LedgerKindLabels.Of(e.EntryKind)), CsvCells.Text(e.LotNumber),
            e.Delta > 0 ? CsvCells.Number(e.Delta) : string.Empty, e.Delta < 0 ? CsvCells.Number(-e.Delta) : string.Empty,
            CsvCells.Number(e.LotBalanceAfter), CsvCells.Number(e.ProductBalance), CsvCells.Text(e.PatientMrn),
            CsvCells.Text(e.RecordedBy), CsvCells.Text(e.Witness), CsvCells.Text(e.Details),
        ],
        e =>
        [
            RecordsFormat.Time(e.RecordedAt, zone), LedgerKindLabels.Of(e.EntryKind), e.LotNumber, RecordsFormat.In(e.Delta), RecordsFormat.Out(e.Delta),
            RecordsFormat.Units(e.LotBalanceAfter), RecordsFormat.Units(e.ProductBalance), e.PatientMrn, e.RecordedBy, e.Witness, e.Details,
        ]);

    public static ReportRows Balances(DispensingLogHeader header, RecordsPeriod period, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(period);
        return new ReportRows(
            [Balance("Opening balance", period.StartUtc(zone), $"Start of {RecordsFormat.Date(period.From)}", header.OpeningBalance, zone)],
            [Balance("Closing balance", period.EndUtc(zone), $"End of {RecordsFormat.Date(period.To)}", header.ClosingBalance, zone)],
            []);
    }

    private static ReportExtraRow Balance(string label, DateTimeOffset at, string when, decimal units, TimeZoneInfo zone) => new(
        [CsvCells.Time(at, zone), label, string.Empty, string.Empty, string.Empty, string.Empty, CsvCells.Number(units), string.Empty, string.Empty, string.Empty, string.Empty],
        [when, label, null, null, null, null, RecordsFormat.Units(units), null, null, null, null]);
}
