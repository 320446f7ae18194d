using FluentValidation;
using KapClinic.Core.Exports;
using KapClinic.Core.Inventory.Records;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;

namespace KapClinic.Web.Pages.Inventory.Records;

/// <summary>The DEA-style dispensing log of one product: every entry in the period with the running balance.</summary>
public sealed class DispensingLogModel(
    InventoryRecords records, InventoryRecordsExport exports, IValidator<RecordsFilter> validator, ClinicTime clinicTime, TimeProvider clock)
    : RecordsPageModel(records, validator, clinicTime, clock)
{
    public DispensingLogHeader? Header { get; private set; }

    public IReadOnlyList<DispensingLogEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await PrepareAsync(productRequired: true, cancellationToken))
        {
            return Page();
        }

        Header = await Records.DispensingLogHeaderAsync(Product!.Value, Period, Zone, cancellationToken);
        var rows = await Records.DispensingLogEntries(Product.Value, Period, Zone, Skip, PageSize + 1).ToListAsync(cancellationToken);
        HasNextPage = rows.Count > PageSize;
        Entries = [.. rows.Take(PageSize)];
        return Page();
    }

    public Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) => ExportAsync(ExportFormat.Csv, cancellationToken);

    public Task<IActionResult> OnGetPdfAsync(CancellationToken cancellationToken) => ExportAsync(ExportFormat.Pdf, cancellationToken);

    private async Task<IActionResult> ExportAsync(ExportFormat format, CancellationToken cancellationToken)
    {
        if (!await PrepareAsync(productRequired: true, cancellationToken))
        {
            return BadRequest();
        }

        var (product, period) = (Product!.Value, Period);
        return File(format, $"dispensing-log-{period.From:yyyy-MM-dd}-to-{period.To:yyyy-MM-dd}", (stream, ct) => exports.DispensingLogAsync(stream, format, product, period, ct));
    }
}
