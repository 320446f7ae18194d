using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Settings;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Admin.Settings;

/// <summary>The clinic's name and time zone (times are stored in UTC and shown in this zone), whether Staff need an authenticator app, and the dosing-safety numbers.</summary>
public sealed class IndexModel(ClinicSettingsService settings, IValidator<ClinicSettingsInput> validator) : PageModel
{
    [BindProperty]
    public ClinicSettingsInput Input { get; set; } = new();

    /// <summary>IANA zones, the clinic's likely ones first.</summary>
    public static IReadOnlyList<string> TimeZones { get; } = BuildTimeZoneList();

    /// <summary>The "Dosing safety" fields in the order shown: the field, its label, its unit, its range and the default.</summary>
    public static IReadOnlyList<DosingSafetyField> DosingFields { get; } = DosingSafetyField.All;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = await settings.GetAsync(cancellationToken);
        Input = new ClinicSettingsInput
        {
            ClinicName = current.ClinicName,
            TimeZoneId = current.TimeZoneId,
            ConsentValidityMonths = current.ConsentValidityMonths,
            MinimumPatientAgeYears = current.MinimumPatientAgeYears,
            DraftOverdueHours = current.DraftOverdueHours,
            RequireMfaForStaff = current.RequireMfaForStaff,
            Dosing = DosingThresholdsInput.From(current.Dosing),
            Version = current.Version,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation);
            return Page();
        }

        try
        {
            await settings.UpdateAsync(Input, cancellationToken);
        }
        catch (ConcurrencyConflictException ex)
        {
            var current = await settings.GetAsync(cancellationToken);
            ModelState.AddModelError(string.Empty, $"{ex.Message} Saved meanwhile: \"{current.ClinicName}\", {current.TimeZoneId}.");
            ModelState.Remove("Input.Version");
            Input.Version = current.Version;
            return Page();
        }

        TempData["Status"] = "Settings saved.";
        return RedirectToPage();
    }

    private static List<string> BuildTimeZoneList()
    {
        string[] common = ["America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu"];
        var all = TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        return [.. common.Where(ClinicSettings.IsKnownTimeZone), .. all.Except(common)];
    }
}
