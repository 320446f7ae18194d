using System.Security.Claims;
using FluentValidation;
using FluentValidation.Results;
using KapClinic.Core.Auditing;
using KapClinic.Core.Common;
using KapClinic.Core.Consents;
using KapClinic.Core.Measures;
using KapClinic.Core.Patients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Patients;

/// <summary>
/// The patient chart. Each small form posts to its own handler and binds only its own input (by prefix), so a
/// message shows beside the right field and the typed input is kept; success redirects back to the section.
/// Every render of the chart writes one "Patient.ChartViewed" audit event.
/// </summary>
public sealed class ChartModel(
    PatientChartService charts,
    PatientRecordService records,
    ConsentService consents,
    AuditLog auditLog,
    IValidator<WeightInput> weightValidator,
    IValidator<AllergyInput> allergyValidator,
    IValidator<MedicationInput> medicationValidator,
    IValidator<DiagnosisInput> diagnosisValidator,
    IValidator<ConsentInput> consentValidator) : PageModel
{
    public PatientChart Chart { get; private set; } = null!;

    /// <summary>Each instrument's history, for the trend charts (read with the chart).</summary>
    public IReadOnlyList<MeasureTrend> Trends { get; private set; } = [];

    public WeightInput Weight { get; private set; } = new();

    public AllergyInput Allergy { get; private set; } = new();

    public MedicationInput Medication { get; private set; } = new();

    public DiagnosisInput Diagnosis { get; private set; } = new();

    public ConsentInput Consent { get; private set; } = new();

    /// <summary>The last change's message and the section it belongs to (after a redirect).</summary>
    public (string Section, string Message)? Status { get; private set; }

    /// <summary>The form that failed validation (its prefix), so the page shows it open.</summary>
    public string? FailedForm { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (TempData["ChartSection"] is string section && TempData["ChartStatus"] is string message)
        {
            Status = (section, message);
        }

        Weight.MeasuredOn = Chart.Today;
        Consent.SignedOn = Chart.Today;
        return Page();
    }

    public async Task<IActionResult> OnPostWeightAsync(Guid id, [FromForm(Name = nameof(Weight))] WeightInput input, CancellationToken cancellationToken)
    {
        Weight = input;
        return await SaveAsync(id, nameof(Weight), input, weightValidator, "weights", "Weight recorded.",
            () => records.RecordWeightAsync(id, input, ActingUserId, cancellationToken), cancellationToken);
    }

    public async Task<IActionResult> OnPostAllergyAsync(Guid id, [FromForm(Name = nameof(Allergy))] AllergyInput input, CancellationToken cancellationToken)
    {
        Allergy = input;
        return await SaveAsync(id, nameof(Allergy), input, allergyValidator, "allergies", "Allergy added.",
            () => records.AddAllergyAsync(id, input, cancellationToken), cancellationToken);
    }

    public async Task<IActionResult> OnPostMedicationAsync(Guid id, [FromForm(Name = nameof(Medication))] MedicationInput input, CancellationToken cancellationToken)
    {
        Medication = input;
        return await SaveAsync(id, nameof(Medication), input, medicationValidator, "medications", "Medication added.",
            () => records.AddMedicationAsync(id, input, cancellationToken), cancellationToken);
    }

    public async Task<IActionResult> OnPostDiagnosisAsync(Guid id, [FromForm(Name = nameof(Diagnosis))] DiagnosisInput input, CancellationToken cancellationToken)
    {
        Diagnosis = input;
        return await SaveAsync(id, nameof(Diagnosis), input, diagnosisValidator, "diagnoses", "Diagnosis added.",
            () => records.AddDiagnosisAsync(id, input, cancellationToken), cancellationToken);
    }

    public async Task<IActionResult> OnPostConsentAsync(Guid id, [FromForm(Name = nameof(Consent))] ConsentInput input, CancellationToken cancellationToken)
    {
        Consent = input;
        return await SaveAsync(id, nameof(Consent), input, consentValidator, "consents", "Consent recorded.",
            () => consents.RecordAsync(id, input, ActingUserId, cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostInactivateAllergyAsync(Guid id, Guid itemId, CancellationToken cancellationToken) =>
        ChangeAsync(id, "allergies", "Allergy marked inactive.", () => records.InactivateAllergyAsync(id, itemId, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostStopMedicationAsync(Guid id, Guid itemId, CancellationToken cancellationToken) =>
        ChangeAsync(id, "medications", "Medication stopped.", () => records.StopMedicationAsync(id, itemId, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostResolveDiagnosisAsync(Guid id, Guid itemId, CancellationToken cancellationToken) =>
        ChangeAsync(id, "diagnoses", "Diagnosis resolved.", () => records.ResolveDiagnosisAsync(id, itemId, cancellationToken), cancellationToken);

    /// <summary>The success message for a section, right after a change there.</summary>
    public string? StatusFor(string section) => Status is { } s && s.Section == section ? s.Message : null;

    private Guid ActingUserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    private async Task<IActionResult> SaveAsync<T>(
        Guid id, string prefix, T input, IValidator<T> validator, string section, string done, Func<Task> save, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(input, cancellationToken);
        AddErrors(validation, prefix);
        if (ModelState.IsValid)
        {
            try
            {
                await save();
                return Done(id, section, done);
            }
            catch (RuleViolationException ex)
            {
                ModelState.AddModelError(ex.Field is null ? prefix : $"{prefix}.{ex.Field}", ex.Message);
            }
        }

        FailedForm = prefix;
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task<IActionResult> ChangeAsync(Guid id, string section, string done, Func<Task> change, CancellationToken cancellationToken)
    {
        try
        {
            await change();
            return Done(id, section, done);
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            await LoadAsync(id, cancellationToken);
            return Page();
        }
    }

    private RedirectToPageResult Done(Guid id, string section, string message)
    {
        TempData["ChartStatus"] = message;
        TempData["ChartSection"] = section;
        return RedirectToPage(pageName: null, pageHandler: null, routeValues: new { id }, fragment: section);
    }

    // A value that did not bind (e.g. letters in a number field) already has its message; do not add a second.
    private void AddErrors(ValidationResult validation, string prefix)
    {
        foreach (var error in validation.Errors)
        {
            var key = $"{prefix}.{error.PropertyName}";
            if (ModelState[key] is not { Errors.Count: > 0 })
            {
                ModelState.AddModelError(key, error.ErrorMessage);
            }
        }
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Chart = await charts.GetChartAsync(id, cancellationToken);
        Trends = Chart.Trends;
        await auditLog.RecordAsync(
            AuditActions.PatientChartViewed, AuditOutcome.Success, entityType: "Patient", entityId: id, patientId: id,
            cancellationToken: cancellationToken);
    }
}
