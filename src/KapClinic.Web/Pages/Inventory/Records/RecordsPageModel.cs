using FluentValidation;
using KapClinic.Core.Exports;
using KapClinic.Core.Inventory.Records;
using KapClinic.Core.Settings;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Inventory.Records;

/// <summary>
/// What the dispensing and discrepancy logs share: the GET filters (product id, first and last day: no PHI in the
/// URL), defaulting to the last 30 days in the clinic's time zone, validated on the server; paging; export links.
/// </summary>
public abstract class RecordsPageModel(InventoryRecords records, IValidator<RecordsFilter> validator, ClinicTime clinicTime, TimeProvider clock) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true, Name = "product")]
    public Guid? Product { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<ProductOption> Products { get; private set; } = [];

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public bool HasNextPage { get; protected set; }

    protected InventoryRecords Records => records;

    public RecordsPeriod Period => new(From!.Value, To!.Value);

    protected int Skip => (Math.Max(PageNumber, 1) - 1) * PageSize;

    /// <summary>Fills the defaults, loads the products and validates; false when the filters are wrong (errors are in ModelState).</summary>
    protected async Task<bool> PrepareAsync(bool productRequired, CancellationToken cancellationToken)
    {
        Zone = (await clinicTime.SettingsAsync()).TimeZone;
        var today = ClinicCalendar.Today(clock, Zone);
        if (From is null && To is null && ModelState.IsValid)
        {
            (From, To) = (today.AddDays(-29), today);
        }

        PageNumber = Math.Max(PageNumber, 1);
        Products = await records.ProductsAsync(cancellationToken);
        if (Product is { } id && Products.All(p => p.Id != id))
        {
            ModelState.AddModelError("product", "Choose a product from the list.");
        }

        if (productRequired && Product is null && Products.Count > 0)
        {
            Product = Products[0].Id;
        }

        var result = await validator.ValidateAsync(new RecordsFilter { Product = Product, From = From, To = To }, cancellationToken);
        ModelState.AddErrors(result, prefix: string.Empty);
        return ModelState.IsValid && (!productRequired || Product is not null);
    }

    /// <summary>The URL of this page with the current filters and another page number or export handler.</summary>
    public string? Link(int? page = null, string? handler = null) => Url.Page(
        null, handler, new { product = Product, from = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), to = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), p = page });

    /// <summary>The messages for a filter field (model binding and validation name it in different cases).</summary>
    public IReadOnlyList<string> ErrorsFor(string field) =>
        [.. ModelState.Where(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).SelectMany(e => e.Value!.Errors).Select(e => e.ErrorMessage)];

    protected static StreamedFileResult File(ExportFormat format, string name, Func<Stream, CancellationToken, Task> write) =>
        new(ExportFormats.ContentType(format), ExportFormats.FileName(name, format), write);
}
