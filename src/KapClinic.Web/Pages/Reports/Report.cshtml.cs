using System.Security.Claims;
using FluentValidation;
using KapClinic.Core.Exports;
using KapClinic.Core.Reports;
using KapClinic.Core.Settings;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace KapClinic.Web.Pages.Reports;

/// <summary>
/// One report (any <see cref="IReport"/>): a GET filter form with only the filters the report offers (a patient is
/// typed as an MRN, posted, and turned into its id), the on-screen preview with totals and charts, and export links
/// streamed through <see cref="StreamedFileResult"/> with the request's abort token.
/// </summary>
public sealed class ReportModel(
    ReportService reports, ReportChoices choices, ClinicTime clinicTime, TimeProvider clock, IOptions<ReportOptions> options) : ReportFilterForm
{
    [FromRoute(Name = "key")]
    public string Key { get; set; } = string.Empty;

    [BindProperty(Name = "mrn")]
    public string? Mrn { get; set; }

    public ReportDefinition Definition { get; private set; } = null!;

    public ReportPageChoices Choices { get; private set; } = ReportPageChoices.None;

    public ReportPreview? Preview { get; private set; }

    public IReadOnlyList<ReportChart> Charts { get; private set; } = [];

    public string ZoneId { get; private set; } = "UTC";

    public int MaxRangeYears => options.Value.MaxRangeYears;

    public int PreviewRows => Preview?.Rows.Count ?? 0;

    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await PrepareAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Filter(Definition.Filters) is { } filter && await ValidAsync(filter, cancellationToken))
        {
            try
            {
                Preview = await reports.PreviewAsync(Key, filter, UserId, cancellationToken);
                Charts = await reports.ChartsAsync(Key, filter, UserId, cancellationToken);
            }
            catch (ValidationException ex)
            {
                AddErrors(ex);
            }
        }

        return Page();
    }

    /// <summary>The filter form of a report that needs a patient: the MRN goes in the body, the URL gets the id.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await PrepareAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var values = RouteValues(Definition.Filters);
        values.Remove("patient");
        if (Definition.Filters.HasFlag(ReportFilters.Patient))
        {
            if (await choices.PatientByMrnAsync(Mrn, cancellationToken) is not { } patient)
            {
                ModelState.Clear();
                ModelState.AddModelError("patient", string.IsNullOrWhiteSpace(Mrn) ? "Enter the patient's MRN." : "No patient has this MRN.");
                return Page();
            }

            values["patient"] = patient.ToString();
        }

        return RedirectToPage("/Reports/Report", values.Append(new("key", Key)).ToDictionary(v => v.Key, v => (object?)v.Value));
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!ExportFormats.TryParse(format, out var chosen) || !Definition.Formats.Contains(chosen))
        {
            ModelState.AddModelError("format", $"{Definition.Title} exports as {ReportText.Formats(Definition.Formats)} only.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (Filter(Definition.Filters) is not { } filter || !await ValidAsync(filter, cancellationToken))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var (key, user) = (Key, UserId);
        var name = $"{key}-{clock.GetUtcNow():yyyyMMdd-HHmm}";
        return new StreamedFileResult(
            ExportFormats.ContentType(chosen), ExportFormats.FileName(name, chosen), (stream, ct) => reports.ExportAsync(key, chosen, filter, user, stream, ct));
    }

    /// <summary>A link to this report with the current filters and another handler (export) or format.</summary>
    public string? Link(string? handler = null, ExportFormat? format = null)
    {
        var values = RouteValues(Definition.Filters).ToDictionary(v => v.Key, v => (object?)v.Value);
        values["key"] = Key;
        if (format is { } f)
        {
            values["format"] = ExportFormats.Extension(f);
        }

        return Url.Page("/Reports/Report", handler, values);
    }

    /// <summary>Finds the report, checks the role (Core's rule, from the catalogue), fills defaults and the selects.</summary>
    private async Task<IActionResult?> PrepareAsync(CancellationToken cancellationToken)
    {
        if (reports.Find(Key) is not { } definition)
        {
            return NotFound();
        }

        Definition = definition;
        if (!(await reports.CatalogueAsync(UserId, cancellationToken)).Any(d => d.Key == definition.Key))
        {
            return Forbid();
        }

        var clinic = await clinicTime.SettingsAsync();
        ZoneId = clinic.TimeZoneId;
        if (definition.Filters.HasFlag(ReportFilters.DateRange) && From is null && To is null && ModelState.IsValid)
        {
            var today = ClinicCalendar.Today(clock, clinic.TimeZone);
            (From, To) = (today.AddDays(-29), today);
        }

        Choices = await ReportPageChoices.LoadAsync(choices, definition.Filters, Patient, cancellationToken);
        Mrn ??= Choices.PatientMrn;
        return null;
    }

    private async Task<bool> ValidAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        ModelState.AddErrors(await reports.ValidateAsync(Definition, filter, cancellationToken), prefix: string.Empty);
        return ModelState.IsValid;
    }

    private void AddErrors(ValidationException ex)
    {
        foreach (var error in ex.Errors)
        {
            ModelState.AddModelError(error.PropertyName, error.ErrorMessage);
        }
    }
}
