using KapClinic.Core.Common;
using KapClinic.Core.Exports;
using KapClinic.Core.Inventory.Records;

namespace KapClinic.Core.Reports.Inventory;

/// <summary>
/// The DEA-style dispensing log of one product in the catalogue: the same query, columns and opening/closing balance
/// rows as the export on Inventory > Records (<see cref="InventoryRecords"/>, <see cref="DispensingLogTable"/>).
/// </summary>
public sealed class ControlledSubstanceLogReport(InventoryRecords records) : TableReport<DispensingLogEntry>
{
    public override ReportDefinition Definition { get; } = new(
        ReportKeys.ControlledSubstanceLog,
        "Controlled-substance dispensing log",
        "One product's receipts, administrations (patient MRN), waste, returns, adjustments, corrections and counts, with who recorded and witnessed each and the running balance.",
        InventoryReportFilters.Roles,
        ReportFilters.DateRange | ReportFilters.Product,
        [ExportFormat.Csv, ExportFormat.Xlsx, ExportFormat.Pdf]);

    protected override ReportTable<DispensingLogEntry> Table(ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return DispensingLogTable.For(context.Zone);
    }

    protected override IAsyncEnumerable<DispensingLogEntry> Rows(ReportContext context, CancellationToken cancellationToken) =>
        records.DispensingLogEntries(InventoryReportFilters.Product(context), InventoryReportFilters.Period(context), context.Zone);

    /// <summary>The balances over all lots at the start and end of the period (one SQL command, the log's own header).</summary>
    protected override async Task<IReadOnlyList<ReportTotal>> TotalsAsync(ReportContext context, CancellationToken cancellationToken)
    {
        var header = await HeaderAsync(context, cancellationToken);
        string Units(decimal units) => $"{RecordsFormat.Units(units)} {header.UnitName}";
        return
        [
            new("Opening balance", Units(header.OpeningBalance)), new("Closing balance", Units(header.ClosingBalance)),
            new("Net change", $"{RecordsFormat.Variance(header.ClosingBalance - header.OpeningBalance)} {header.UnitName}"),
        ];
    }

    /// <summary>The opening balance row before the entries and the closing balance row after them, as on the Records export.</summary>
    protected override async Task<ReportRows> ExtraRowsAsync(ReportContext context, CancellationToken cancellationToken) =>
        DispensingLogTable.Balances(await HeaderAsync(context, cancellationToken), InventoryReportFilters.Period(context), context.Zone);

    private async Task<DispensingLogHeader> HeaderAsync(ReportContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await records.DispensingLogHeaderAsync(InventoryReportFilters.Product(context), InventoryReportFilters.Period(context), context.Zone, cancellationToken)
            ?? throw new RuleViolationException("product", "Choose a product from the list.");
    }
}
