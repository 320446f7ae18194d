using System.Security.Claims;
using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Dosing;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Patients.Dosing;

/// <summary>
/// The patient's own account and the discharge assessment. Core refuses a discharge before the protocol's minimum
/// monitoring time (esketamine: 120 min from the first device); the page shows that time and the vitals to compare.
/// </summary>
public sealed class DischargeModel(
    DosingSessionQueries queries,
    DosingSessionService sessions,
    IValidator<DischargeInput> validator,
    ClinicTime clinicTime) : PageModel
{
    [BindProperty]
    public DischargeInput Input { get; set; } = new();

    public DosingSessionDetails Details { get; private set; } = null!;

    public DosingSession Session => Details.Session;

    /// <summary>Someone else changed the session after this form was opened; what this user typed is still in it.</summary>
    public bool Conflict { get; private set; }

    /// <summary>The latest reading with any vital sign, to compare with the pre-dose vitals.</summary>
    public VitalsReading? LatestVitals => Session.Readings.Where(r => !r.Vitals.IsEmpty).MaxBy(r => r.TakenAt);

    public string SessionUrl => $"/Patients/{Details.Patient.Id}/Dosing/{Session.Id}";

    /// <summary>Why the patient cannot leave yet (shown above the submit button; Core refuses the discharge anyway).</summary>
    public IReadOnlyList<string> NotYet { get; private set; } = [];

    public bool CanDischarge => Session.IsDosed && !Session.IsDischarged && !Session.IsSigned && Session.DoseWithheldReason is null;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid sessionId, CancellationToken cancellationToken)
    {
        Details = await queries.GetAsync(id, sessionId, ActingUserId, cancellationToken: cancellationToken);
        await FindWhatIsMissingAsync();
        if (Session.IsDischarged || Session.IsSigned)
        {
            TempData["Status"] = Session.IsDischarged ? "The patient is already discharged from this session." : "This session is signed.";
            return Redirect(SessionUrl);
        }

        Input = new DischargeInput
        {
            DischargedAt = await ClinicNowAsync(),
            DischargedWith = Session.RideHomeName,
            PatientAccount = Session.PatientAccount,
            Version = Session.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid sessionId, CancellationToken cancellationToken)
    {
        Details = await queries.GetAsync(id, sessionId, ActingUserId, recordView: false, cancellationToken);
        await FindWhatIsMissingAsync();
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid || !ModelState.IsValid)
        {
            ModelState.AddErrors(validation);
            ModelState.AddModelError(string.Empty, "Not discharged yet: see the marked items.");
            return Page();
        }

        try
        {
            await sessions.DischargeAsync(id, sessionId, Input, cancellationToken);
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddError(ex);
            return Page();
        }
        catch (ConcurrencyConflictException)
        {
            Conflict = true;
            ModelState.AddModelError(
                string.Empty,
                "Someone changed this session after you opened the discharge form (a reading or a dose, say). Check the times below; what you entered is kept, so submit again to discharge.");
            ModelState.Remove("Input.Version");
            Input.Version = Session.Version;
            return Page();
        }

        TempData["Status"] = "Patient discharged. Sign the session note when the record is complete.";
        return Redirect(SessionUrl);
    }

    private async Task FindWhatIsMissingAsync()
    {
        if (!CanDischarge)
        {
            return;
        }

        var notYet = new List<string>();
        if (Details.EarliestDischargeAt is not { } earliest)
        {
            notYet.Add("The IV infusion is still running: record its end on the session page first.");
        }
        else if (earliest > Details.Now)
        {
            notYet.Add($"Too early: discharge is allowed from {await clinicTime.FormatAsync(earliest, "HH:mm")} (the protocol's minimum monitoring time).");
        }

        var zone = (await clinicTime.SettingsAsync()).TimeZone;
        if (DischargeVitals.Problem(Session.Readings, Session.FirstDoseAt!.Value, Details.Now, Details.Thresholds, zone) is { } vitals)
        {
            notYet.Add(vitals);
        }

        NotYet = notYet;
    }

    private async Task<DateTime> ClinicNowAsync()
    {
        var now = (await clinicTime.NowAsync()).DateTime;
        return new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Unspecified);
    }

    private Guid ActingUserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
