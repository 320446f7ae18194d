using System.Security.Claims;
using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Dosing;
using KapClinic.Web.Infrastructure.Auth;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Patients.Dosing;

/// <summary>
/// Record a dose (or a further dose) behind the safety gates. A hold refuses it until a prescriber overrides with a
/// reason: the signed-in prescriber, or the prescriber on site confirming with their password. Or withhold the dose.
/// </summary>
public sealed class DoseModel(
    DosingSessionService sessions,
    DosingSessionQueries queries,
    DoseLots lots,
    IValidator<DoseInput> validator,
    ClinicTime clinicTime) : PageModel
{
    [BindProperty]
    public DoseInput Input { get; set; } = new();

    /// <summary>The override fieldset was on the form just posted (so an empty reason is an omission, not a first try).</summary>
    [BindProperty]
    public bool OverrideOffered { get; set; }

    [BindProperty]
    public string? WithheldReason { get; set; }

    public DosingSessionDetails Details { get; private set; } = null!;

    /// <summary>What the gates say now, for the dose typed (holds first).</summary>
    public IReadOnlyList<GateFinding> Gates { get; private set; } = [];

    public bool ShowOverride { get; private set; }

    /// <summary>The stock lots the dose can come from, when the drug is kept in the inventory; otherwise the lot is typed.</summary>
    public DoseLotChoice Lots { get; private set; } = DoseLotChoice.FreeText;

    /// <summary>What the dose typed takes from the chosen lot ("Takes 0.70 mL of 50 mg/mL from this lot."), or null.</summary>
    public string? LotTakeText => DoseLotText.Take(Lots.Lots.FirstOrDefault(l => l.Id == Input.LotId), Input.DoseMg);

    /// <summary>The holds the override fieldset asks a reason for, one textarea each.</summary>
    public IReadOnlyList<GateFinding> Holds => [.. Gates.Where(g => g.IsHold)];

    public bool IsPrescriber => User.HasClaim(ClinicClaims.Prescriber, "true");

    public string SessionUrl => $"/Patients/{Details.Patient.Id}/Dosing/{Details.Session.Id}";

    /// <summary>"0.50 mg/kg at 70 kg" for the dose typed, or null.</summary>
    public string? PerKgText => Input.DoseMg is > 0 and var dose ? DosePerKg.Text(dose, Details.Session.WeightKg) : null;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid sessionId, CancellationToken cancellationToken)
    {
        Details = await queries.GetAsync(id, sessionId, ActingUserId, cancellationToken: cancellationToken);
        if (ClosedReason() is { } closed)
        {
            TempData["Status"] = closed;
            return Redirect(SessionUrl);
        }

        Input = await DefaultsAsync();
        await LoadLotsAsync(preselect: true, cancellationToken);
        Gates = await sessions.GatesAsync(id, sessionId, null, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid sessionId, CancellationToken cancellationToken)
    {
        Details = await queries.GetAsync(id, sessionId, ActingUserId, recordView: false, cancellationToken);
        Gates = await sessions.GatesAsync(id, sessionId, Input.DoseMg is > 0 ? Input.DoseMg : null, cancellationToken);
        ShowOverride = OverrideOffered && Gates.Any(g => g.IsHold);
        await LoadLotsAsync(preselect: false, cancellationToken);
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation);
            ModelState.AddModelError(string.Empty, "The dose was not recorded: correct the fields marked below.");
            return Page();
        }

        var holds = Gates.Where(g => g.IsHold).ToList();
        try
        {
            await sessions.AdministerAsync(id, sessionId, Input, ActingUserId, cancellationToken);
        }
        catch (DosingGateException ex)
        {
            Gates = [.. ex.Holds, .. Gates.Where(g => !g.IsHold)];
            if (OverrideOffered)
            {
                foreach (var hold in ex.Unreasoned)
                {
                    ModelState.AddModelError(ReasonKey(hold.Gate), "Write why the prescriber overrides this hold, or withhold the dose.");
                }
            }

            ShowOverride = true;
            ModelState.AddModelError(string.Empty, OverrideOffered
                ? "The dose was not recorded: every hold needs its own written reason (marked below)."
                : "The dose was not recorded: a safety gate holds it (listed above). A prescriber may override each hold with a written reason, or withhold the dose.");
            return Page();
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddError(ex);
            ShowOverride |= ex.Field is not null && (ex.Field == nameof(DoseInput.PrescriberPassword) || ex.Field.StartsWith(nameof(DoseInput.OverrideReasons), StringComparison.Ordinal));
            return Page();
        }
        catch (ConcurrencyConflictException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            ModelState.Remove("Input.Version");
            Input.Version = Details.Session.Version;
            return Page();
        }

        TempData["Status"] = StatusText(holds);
        return Redirect(SessionUrl);
    }

    public async Task<IActionResult> OnPostWithholdAsync(Guid id, Guid sessionId, CancellationToken cancellationToken)
    {
        Details = await queries.GetAsync(id, sessionId, ActingUserId, recordView: false, cancellationToken);
        try
        {
            await sessions.WithholdAsync(id, sessionId, WithheldReason, Input.Version, cancellationToken);
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddError(ex, prefix: string.Empty);
            return await WithholdRefusedAsync(id, sessionId, cancellationToken);
        }
        catch (ConcurrencyConflictException ex)
        {
            ModelState.AddModelError(nameof(WithheldReason), ex.Message);
            return await WithholdRefusedAsync(id, sessionId, cancellationToken);
        }

        TempData["Status"] = "Dose withheld. Sign the session note when you are done.";
        return Redirect(SessionUrl);
    }

    private async Task<IActionResult> WithholdRefusedAsync(Guid id, Guid sessionId, CancellationToken cancellationToken)
    {
        ModelState.Remove("Input.Version");
        Input = await DefaultsAsync();
        await LoadLotsAsync(preselect: true, cancellationToken);
        Gates = await sessions.GatesAsync(id, sessionId, null, cancellationToken);
        return Page();
    }

    /// <summary>The model-state key of a hold's reason, as the textarea posts it: Input.OverrideReasons[BloodPressureHold].</summary>
    public static string ReasonKey(DosingGate gate) => $"Input.{nameof(DoseInput.OverrideReasons)}[{gate}]";

    // The lots for the session's route (the protocol's), soonest expiry first; whether a lot must
    // be chosen is the server's to say, never the post's.
    private async Task LoadLotsAsync(bool preselect, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime((await clinicTime.NowAsync()).DateTime);
        Lots = await lots.ChoicesAsync(Details.Session.Drug, Details.Session.Route, today, cancellationToken);
        Input.LotFromStock = Lots.InUse;
        if (preselect && Lots.InUse)
        {
            Input.LotId = Lots.Lots.Count > 0 ? Lots.Lots[0].Id : null;
        }
    }

    private string? ClosedReason()
    {
        var session = Details.Session;
        return session.IsSigned ? "This dosing session is signed: no further dose can be recorded."
            : session.IsDischarged ? "The patient was discharged: no further dose can be recorded in this session."
            : session.DoseWithheldReason is not null ? "The dose was withheld in this session."
            : null;
    }

    private async Task<DoseInput> DefaultsAsync()
    {
        var now = await clinicTime.NowAsync();
        var actingUserId = ActingUserId;
        return new DoseInput
        {
            AdministeredAt = now.DateTime.AddSeconds(-now.Second).AddMilliseconds(-now.Millisecond),
            GivenById = Details.Clinicians.Any(c => c.Id == actingUserId) ? actingUserId : null,
            Version = Details.Session.Version,
        };
    }

    private string StatusText(IReadOnlyList<GateFinding> holds) =>
        DoseStatus.Text(Details.Session, Input.DoseMg!.Value, holds, IsPrescriber ? User.FindFirstValue(ClinicClaims.SignatureName)! : Details.NameOf(Details.Session.PrescriberId));

    private Guid ActingUserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
