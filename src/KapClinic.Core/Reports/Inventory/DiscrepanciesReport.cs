using System.Globalization;
using KapClinic.Core.Exports;
using KapClinic.Core.Inventory.Records;

namespace KapClinic.Core.Reports.Inventory;

/// <summary>
/// The discrepancy log in the catalogue (one product or all): the same query and columns as the export on
/// Inventory > Records (<see cref="InventoryRecords.Discrepancies"/>, <see cref="DiscrepancyLogTable"/>).
/// </summary>
public sealed class DiscrepanciesReport(InventoryRecords records) : TableReport<DiscrepancyLogEntry>
{
    public override ReportDefinition Definition { get; } = new(
        ReportKeys.Discrepancies,
        "Controlled-substance discrepancies",
        "Every blind count that did not match the ledger, opened in the period, with its variance and how it was resolved.",
        InventoryReportFilters.Roles,
        ReportFilters.DateRange | ReportFilters.Product,
        [ExportFormat.Csv, ExportFormat.Xlsx, ExportFormat.Pdf])
    {
        Optional = ReportFilters.Product,
    };

    protected override ReportTable<DiscrepancyLogEntry> Table(ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return DiscrepancyLogTable.For(context.Zone);
    }

    protected override IAsyncEnumerable<DiscrepancyLogEntry> Rows(ReportContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return records.Discrepancies(context.Filter.ProductId, InventoryReportFilters.Period(context), context.Zone);
    }

    /// <summary>
    /// Discrepancies, still open, losses and the net variance: one pass over the log's own query (a few rows a year;
    /// nothing is held but the sums), so the totals cannot drift from the rows.
    /// </summary>
    protected override async Task<IReadOnlyList<ReportTotal>> TotalsAsync(ReportContext context, CancellationToken cancellationToken)
    {
        var (count, open, losses, net) = (0, 0, 0, 0m);
        await foreach (var d in Rows(context, cancellationToken).WithCancellation(cancellationToken))
        {
            (count, open, losses, net) = (count + 1, open + (d.IsOpen ? 1 : 0), losses + (d.IsLoss ? 1 : 0), net + d.Variance);
        }

        return
        [
            new("Discrepancies", Count(count)), new("Open", Count(open)), new("Losses", Count(losses)), new("Net variance", RecordsFormat.Variance(net)),
        ];
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
