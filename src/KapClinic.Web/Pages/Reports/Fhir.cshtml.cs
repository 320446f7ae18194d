using System.Security.Claims;
using FluentValidation;
using KapClinic.Core.Reports;
using KapClinic.Core.Reports.Fhir;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace KapClinic.Web.Pages.Reports;

/// <summary>
/// FHIR R4 exports (Admins and Clinicians): one patient's record as a Bundle, chosen by MRN in a POST body (the
/// download URL carries only the patient's id), and every record of a period as NDJSON files in a zip.
/// </summary>
public sealed class FhirModel(FhirExportService fhir, IValidator<FhirModel.MrnInput> mrnValidator, IOptions<ReportOptions> options) : PageModel
{
    [BindProperty]
    public MrnInput Patient { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public int MaxRangeYears => options.Value.MaxRangeYears;

    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public void OnGet()
    {
        ModelState.Clear();
    }

    /// <summary>Finds the patient by MRN (never in a URL), then sends the browser to the download by id.</summary>
    public async Task<IActionResult> OnPostPatientAsync(CancellationToken cancellationToken)
    {
        ModelState.Remove(nameof(From));
        ModelState.Remove(nameof(To));
        var validation = await mrnValidator.ValidateAsync(Patient, cancellationToken);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation, nameof(Patient));
            return Page();
        }

        if (await fhir.FindPatientAsync(Patient.Mrn, cancellationToken) is not { } patientId)
        {
            ModelState.AddModelError("Patient.Mrn", "No patient has this MRN. Check it on the patient's chart.");
            return Page();
        }

        return RedirectToPage(null, "Bundle", new { patient = patientId });
    }

    public async Task<IActionResult> OnGetBundleAsync(Guid patient, CancellationToken cancellationToken)
    {
        if (!await fhir.PatientExistsAsync(patient, cancellationToken))
        {
            return NotFound();
        }

        var userId = UserId;
        return new StreamedFileResult(
            FhirExportService.BundleContentType, FhirExportService.BundleFileName(patient), (stream, ct) => fhir.ExportPatientAsync(patient, userId, stream, ct));
    }

    public async Task<IActionResult> OnGetBulkAsync(CancellationToken cancellationToken)
    {
        ModelState.Remove("Patient.Mrn");
        var validation = await fhir.ValidateBulkAsync(From, To, cancellationToken);
        foreach (var error in validation.Errors)
        {
            ModelState.AddModelError(error.PropertyName, error.ErrorMessage);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (from, to, userId) = (From!.Value, To!.Value, UserId);
        return new StreamedFileResult(
            FhirExportService.ZipContentType, FhirExportService.BulkFileName(from, to), (stream, ct) => fhir.ExportBulkAsync(from, to, userId, stream, ct));
    }

    public sealed class MrnInput
    {
        public string? Mrn { get; set; }
    }

    public sealed class MrnInputValidator : AbstractValidator<MrnInput>
    {
        public MrnInputValidator()
        {
            RuleFor(x => x.Mrn).NotEmpty().WithMessage("Enter the patient's MRN.")
                .MaximumLength(16).WithMessage("An MRN is at most 16 characters.");
        }
    }
}
