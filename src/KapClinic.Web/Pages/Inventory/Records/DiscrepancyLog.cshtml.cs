using FluentValidation;
using KapClinic.Core.Exports;
using KapClinic.Core.Inventory.Records;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;

namespace KapClinic.Web.Pages.Inventory.Records;

/// <summary>Every discrepancy opened in the period (one product or all), with its resolution.</summary>
public sealed class DiscrepancyLogModel(
    InventoryRecords records, InventoryRecordsExport exports, IValidator<RecordsFilter> validator, ClinicTime clinicTime, TimeProvider clock)
    : RecordsPageModel(records, validator, clinicTime, clock)
{
    public IReadOnlyList<DiscrepancyLogEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await PrepareAsync(productRequired: false, cancellationToken))
        {
            return Page();
        }

        var rows = await Records.Discrepancies(Product, Period, Zone, Skip, PageSize + 1).ToListAsync(cancellationToken);
        HasNextPage = rows.Count > PageSize;
        Entries = [.. rows.Take(PageSize)];
        return Page();
    }

    public Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) => ExportAsync(ExportFormat.Csv, cancellationToken);

    public Task<IActionResult> OnGetPdfAsync(CancellationToken cancellationToken) => ExportAsync(ExportFormat.Pdf, cancellationToken);

    private async Task<IActionResult> ExportAsync(ExportFormat format, CancellationToken cancellationToken)
    {
        if (!await PrepareAsync(productRequired: false, cancellationToken))
        {
            return BadRequest();
        }

        var (product, period) = (Product, Period);
        return File(format, $"discrepancy-log-{period.From:yyyy-MM-dd}-to-{period.To:yyyy-MM-dd}", (stream, ct) => exports.DiscrepancyLogAsync(stream, format, product, period, ct));
    }
}
