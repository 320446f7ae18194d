using KapClinic.Core.Exports;

namespace KapClinic.Core.Inventory.Records;

/// <summary>The dispensing log as an export: columns, cells, and the opening and closing balance rows.</summary>
public static class DispensingLogTable
{
    public static IReadOnlyList<PdfColumn> Columns { get; } =
    [
        new("Recorded at", 1.2), new("Entry", 1.0), new("Lot", 1.0), new("In", 0.55, AlignRight: true), new("Out", 0.55, AlignRight: true),
        new("Lot balance", 0.7, AlignRight: true), new("Product balance", 0.75, AlignRight: true), new("Patient MRN", 0.85),
        new("Received on / given at", 1.2), new("Supplier (address, DEA number, invoice)", 2.2), new("Given by", 1.2),
        new("Recorded by", 1.2), new("Witness", 1.2), new("Details (reason, reference, count)", 2.2),
    ];

    public static ReportTable<DispensingLogEntry> For(TimeZoneInfo zone) => new(
        Columns,
        e =>
        [
            CsvCells.Time(e.RecordedAt, zone), CsvCells.Text(LedgerKindLabels.Of(e.EntryKind)), CsvCells.Text(e.LotNumber),
            e.Delta > 0 ? CsvCells.Number(e.Delta) : string.Empty, e.Delta < 0 ? CsvCells.Number(-e.Delta) : string.Empty,
            CsvCells.Number(e.LotBalanceAfter), CsvCells.Number(e.ProductBalance), CsvCells.Text(e.PatientMrn),
            e.ReceivedOn is { } received ? CsvCells.Date(received) : CsvCells.Time(e.AdministeredAt, zone), CsvCells.Text(e.Supplier), CsvCells.Text(e.GivenBy),
            CsvCells.Text(e.RecordedBy), CsvCells.Text(e.Witness), CsvCells.Text(e.Details),
        ],
        e =>
        [
            RecordsFormat.Time(e.RecordedAt, zone), LedgerKindLabels.Of(e.EntryKind), e.LotNumber, RecordsFormat.In(e.Delta), RecordsFormat.Out(e.Delta),
            RecordsFormat.Units(e.LotBalanceAfter), RecordsFormat.Units(e.ProductBalance), e.PatientMrn, RecordsFormat.EventTime(e, zone), e.Supplier, e.GivenBy,
            e.RecordedBy, e.Witness, e.Details,
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
        [CsvCells.Time(at, zone), label, .. Enumerable.Repeat(string.Empty, 4), CsvCells.Number(units), .. Enumerable.Repeat(string.Empty, Columns.Count - 7)],
        [when, label, .. Enumerable.Repeat<string?>(null, 4), RecordsFormat.Units(units), .. Enumerable.Repeat<string?>(null, Columns.Count - 7)]);
}
