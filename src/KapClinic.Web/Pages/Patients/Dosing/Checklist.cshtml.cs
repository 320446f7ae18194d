using System.Security.Claims;
using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Dosing;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Patients.Dosing;

/// <summary>
/// The pre-dose checklist with the weight of the day and pre-dose vitals. Saved as far as it is filled; once
/// nothing is missing the nurse goes on to the dose, otherwise back here with what is still missing.
/// </summary>
public sealed class ChecklistModel(
    DosingSessionService sessions,
    DosingSessionQueries queries,
    IValidator<ChecklistInput> validator,
    ClinicTime clinicTime) : PageModel
{
    [BindProperty]
    public ChecklistInput Input { get; set; } = new();

    public DosingSessionDetails Details { get; private set; } = null!;

    public string SessionUrl => $"/Patients/{Details.Patient.Id}/Dosing/{Details.Session.Id}";

    public async Task<IActionResult> OnGetAsync(Guid id, Guid sessionId, CancellationToken cancellationToken)
    {
        Details = await queries.GetAsync(id, sessionId, ActingUserId, cancellationToken: cancellationToken);
        if (ClosedReason(Details.Session) is { } closed)
        {
            TempData["Status"] = closed;
            return Redirect(SessionUrl);
        }

        Input = await ToInputAsync(Details.Session);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid sessionId, CancellationToken cancellationToken)
    {
        Details = await queries.GetAsync(id, sessionId, ActingUserId, recordView: false, cancellationToken);
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation);
            ModelState.AddModelError(string.Empty, "Not saved: correct the fields marked below.");
            return Page();
        }

        try
        {
            await sessions.SaveChecklistAsync(id, sessionId, Input, cancellationToken);
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddError(ex);
            return Page();
        }
        catch (ConcurrencyConflictException ex)
        {
            // Keep everything this user typed; the next save goes over the version saved meanwhile.
            ModelState.AddModelError(string.Empty, ex.Message);
            ModelState.Remove("Input.Version");
            Input.Version = Details.Session.Version;
            return Page();
        }

        var saved = await queries.GetAsync(id, sessionId, ActingUserId, recordView: false, cancellationToken);
        var missing = saved.Session.Checklist.Missing(saved.Session.PreDoseCssrsRisk);
        if (missing.Count == 0)
        {
            TempData["Status"] = "Checklist complete.";
            return Redirect($"{SessionUrl}/Dose");
        }

        TempData["Status"] = "Checklist saved. Still missing: " + string.Join(", ", missing) + ".";
        return Redirect($"{SessionUrl}/Checklist");
    }

    /// <summary>Why the checklist can no longer change, or null while it can.</summary>
    public static string? ClosedReason(DosingSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.IsSigned ? "This dosing session is signed: it can no longer change."
            : session.DoseWithheldReason is not null ? "The dose was withheld in this session: the checklist can no longer change."
            : session.IsDosed ? "The dose is recorded: the pre-dose checklist can no longer change."
            : null;
    }

    private async Task<ChecklistInput> ToInputAsync(DosingSession session)
    {
        var checklist = session.Checklist;
        var vitalsAt = checklist.PreDoseVitalsAt is { } at ? await clinicTime.ToClinicTimeAsync(at) : await clinicTime.NowAsync();
        return new ChecklistInput
        {
            IdentityVerified = checklist.IdentityVerified,
            ConsentCurrent = checklist.ConsentCurrent,
            Fasting = checklist.Fasting,
            RideHomeName = checklist.RideHomeName,
            RideHomePhone = checklist.RideHomePhone,
            NoContraindicatedMedicationToday = checklist.NoContraindicatedMedicationToday,
            PregnancyTest = checklist.PregnancyTest,
            Intention = checklist.Intention,
            MoodScore = checklist.MoodScore,
            WeightKg = checklist.WeightKg,
            Systolic = checklist.PreDoseVitals.Systolic,
            Diastolic = checklist.PreDoseVitals.Diastolic,
            HeartRate = checklist.PreDoseVitals.HeartRate,
            SpO2 = checklist.PreDoseVitals.SpO2,
            RespiratoryRate = checklist.PreDoseVitals.RespiratoryRate,
            PreDoseVitalsAt = vitalsAt.DateTime.AddSeconds(-vitalsAt.Second).AddMilliseconds(-vitalsAt.Millisecond),
            TakesBenzodiazepine = checklist.TakesBenzodiazepine,
            TakesNonBenzodiazepineSedative = checklist.TakesNonBenzodiazepineSedative,
            TakesPsychostimulant = checklist.TakesPsychostimulant,
            TakesMaoi = checklist.TakesMaoi,
            Version = session.Version,
        };
    }

    private Guid ActingUserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
