using System.Globalization;
using KapClinic.Core.Exports;
using KapClinic.Core.Inventory.Records;

namespace KapClinic.Core.Reports.Inventory;

/// <summary>
/// The inventory of every lot at the close of the To day, in the catalogue: the same query and columns as on
/// Inventory > Records (<see cref="InventoryRecords.InventoryLots"/>, <see cref="InventoryReportTable"/>), but an
/// unsigned copy: the signed inventory (kept as a <see cref="SignedInventory"/>) is made on that page only.
/// </summary>
public sealed class InventoryReport(InventoryRecords records) : TableReport<InventoryReportLot>
{
    public const string UnsignedNotice = "Unsigned copy: sign it on Inventory > Records";

    public override ReportDefinition Definition { get; } = new(
        ReportKeys.Inventory,
        "Controlled-substance inventory",
        "Every lot that held stock at the close of the last day, with its balance from the ledger and its last count. An unsigned copy: sign the inventory on Inventory > Records.",
        InventoryReportFilters.Roles,
        ReportFilters.DateRange,
        [ExportFormat.Csv, ExportFormat.Xlsx, ExportFormat.Pdf],
        IsHeavy: false);

    protected override ReportTable<InventoryReportLot> Table(ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return InventoryReportTable.For(context.Zone);
    }

    protected override IAsyncEnumerable<InventoryReportLot> Rows(ReportContext context, CancellationToken cancellationToken) =>
        records.InventoryLots(Day(context), context.Zone);

    /// <summary>Lots and products (by NDC) listed: one pass over the report's own query (one row per lot).</summary>
    protected override async Task<IReadOnlyList<ReportTotal>> TotalsAsync(ReportContext context, CancellationToken cancellationToken)
    {
        var (lots, products) = (0, new HashSet<string>(StringComparer.Ordinal));
        await foreach (var lot in Rows(context, cancellationToken).WithCancellation(cancellationToken))
        {
            lots++;
            products.Add(lot.Ndc);
        }

        return [new("Lots", lots.ToString(CultureInfo.InvariantCulture)), new("Products", products.Count.ToString(CultureInfo.InvariantCulture))];
    }

    /// <summary>The day instead of a period, and the notice that this copy is not the signed inventory.</summary>
    protected override ReportHeading Heading(ReportContext context)
    {
        var heading = base.Heading(context);
        return heading with
        {
            Filters = [$"Inventory as of the close of business on {RecordsFormat.Date(Day(context))} ({context.Clinic.TimeZoneId})", UnsignedNotice],
        };
    }

    /// <summary>The To day (else the From day, else today in the clinic's zone): the inventory is as of its close.</summary>
    private static DateOnly Day(ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Filter.To ?? context.Filter.From ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(context.Now, context.Zone).DateTime);
    }
}
