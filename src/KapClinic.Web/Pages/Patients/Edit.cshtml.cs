using System.Security.Claims;
using KapClinic.Core.Common;
using KapClinic.Core.Patients;
using KapClinic.Core.Scheduling;
using KapClinic.Web.Infrastructure.Auth;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Patients;

/// <summary>
/// Edit a patient's registry fields, move their status along the allowed moves, and (Admins) archive or restore.
/// Every render of a patient here writes a Patient.Viewed audit event (PatientRegistry.GetForEditAsync).
/// </summary>
public sealed class EditModel(PatientRegistry registry, PatientClinicians clinicians, WaitlistService waitlist, IAuthorizationService authorization)
    : PageModel, IPatientForm
{
    [BindProperty]
    public PatientInput Input { get; set; } = new();

    public PatientEditView View { get; private set; } = null!;

    public IReadOnlyList<ClinicianOption> Clinicians { get; private set; } = [];

    public bool IsAdmin { get; private set; }

    /// <summary>Set after a conflict: what the other user saved, field by field where it differs from this form.</summary>
    public IReadOnlyList<PatientFieldDifference> SavedMeanwhile { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Input = View.Input;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var validation = await registry.ValidateAsync(Input, cancellationToken);
        if (!PatientFormErrors.Apply(ModelState, validation))
        {
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        try
        {
            await registry.UpdateAsync(id, Input, cancellationToken);
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddError(ex);
            await LoadAsync(id, cancellationToken);
            return Page();
        }
        catch (ConcurrencyConflictException ex)
        {
            // Keep what this user typed; show what the other user saved; the next save applies over it.
            await LoadAsync(id, cancellationToken);
            SavedMeanwhile = PatientFieldDifference.Between(Input, View.Input, Clinicians);
            ModelState.AddModelError(string.Empty, ex.Message);
            ModelState.Remove("Input.Version");
            Input.Version = View.Input.Version;
            return Page();
        }

        TempData["Status"] = "Saved the patient's details.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, PatientStatus next, uint version, CancellationToken cancellationToken)
    {
        try
        {
            await registry.MoveStatusAsync(id, next, version, cancellationToken);
        }
        catch (Exception ex) when (ex is RuleViolationException or ConcurrencyConflictException)
        {
            ModelState.Clear();
            ModelState.AddModelError("Status", ex.Message);
            await LoadAsync(id, cancellationToken);
            Input = View.Input;
            return Page();
        }

        TempData["Status"] = $"The patient's status is now {next}.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostArchiveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await IsAdminAsync())
        {
            return Forbid();
        }

        await registry.ArchiveAsync(id, cancellationToken);
        TempData["Status"] = "The patient is archived: they no longer appear in lists or search. Admins can restore them from the patient list.";
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostRestoreAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await IsAdminAsync())
        {
            return Forbid();
        }

        await registry.RestoreAsync(id, cancellationToken);
        TempData["Status"] = "The patient was restored and is back in the list and search.";
        return RedirectToPage(new { id });
    }

    /// <summary>The front desk puts the patient on the dosing waitlist (offered freed dosing slots).</summary>
    public async Task<IActionResult> OnPostWaitlistAsync(Guid id, string? waitlistNote, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.ScheduleBooking)).Succeeded)
        {
            return Forbid();
        }

        try
        {
            var actingUserId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
            await waitlist.AddAsync(new AddToWaitlistInput { PatientId = id, Note = waitlistNote }, actingUserId, cancellationToken);
        }
        catch (Exception ex) when (ex is RuleViolationException or FluentValidation.ValidationException)
        {
            var message = ex is FluentValidation.ValidationException v ? string.Join(" ", v.Errors.Select(e => e.ErrorMessage)) : ex.Message;
            ModelState.AddModelError("waitlistNote", message);
            await LoadAsync(id, cancellationToken);
            Input = View.Input;
            return Page();
        }

        TempData["Status"] = "The patient is on the dosing waitlist; Staff see them when a dosing slot is freed.";
        return RedirectToPage(new { id });
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        View = await registry.GetForEditAsync(id, cancellationToken);
        Clinicians = await clinicians.ListAsync(View.Input.PrimaryClinicianId, cancellationToken);
        IsAdmin = await IsAdminAsync();
    }

    private async Task<bool> IsAdminAsync() => (await authorization.AuthorizeAsync(User, Policies.Admin)).Succeeded;
}
