using KapClinic.Core.Common;
using KapClinic.Core.Notes;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;

namespace KapClinic.Web.Pages.Patients.Dosing;

/// <summary>The session page's record keeping: the end of an IV infusion, signing, addenda and co-signature.</summary>
public sealed partial class DetailsModel
{
    private const string ChangedMeanwhile = "Someone changed this session after you opened it. Check the page as it is now, then try again.";

    [BindProperty]
    public InfusionEndInput Infusion { get; set; } = new();

    [BindProperty]
    public AddendumInput Addendum { get; set; } = new();

    /// <summary>The session's version when the sign button was shown.</summary>
    [BindProperty]
    public uint SignVersion { get; set; }

    public async Task<IActionResult> OnPostEndInfusionAsync(Guid id, Guid sessionId, CancellationToken cancellationToken)
    {
        if (!await IsValidAsync(infusionValidator, Infusion, nameof(Infusion), cancellationToken))
        {
            return await ShowAsync(id, sessionId, cancellationToken);
        }

        try
        {
            await sessions.EndInfusionAsync(
                id, sessionId, Infusion.AdministrationId!.Value, Infusion.EndAt!.Value, Infusion.RateMlPerHour, Infusion.Version, cancellationToken);
        }
        catch (RuleViolationException ex)
        {
            AddFormError(ex, nameof(Infusion), f => f == "InfusionEndAt" ? nameof(InfusionEndInput.EndAt) : nameof(InfusionEndInput.RateMlPerHour));
            return await ShowAsync(id, sessionId, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            ModelState.AddModelError(nameof(Infusion), ChangedMeanwhile);
            return await ShowAsync(id, sessionId, cancellationToken);
        }

        TempData["Status"] = "Infusion end recorded.";
        return Redirect($"/Patients/{id}/Dosing/{sessionId}");
    }

    public async Task<IActionResult> OnPostSignAsync(Guid id, Guid sessionId, CancellationToken cancellationToken)
    {
        try
        {
            await sessions.SignAsync(id, sessionId, ActingUserId, SignVersion, cancellationToken);
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddModelError("Sign", ex.Message);
            return await ShowAsync(id, sessionId, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            ModelState.AddModelError("Sign", ChangedMeanwhile);
            return await ShowAsync(id, sessionId, cancellationToken);
        }

        TempData["Status"] = "Session note signed.";
        return Redirect($"/Patients/{id}/Dosing/{sessionId}");
    }

    public async Task<IActionResult> OnPostAddendumAsync(Guid id, Guid sessionId, CancellationToken cancellationToken)
    {
        var validation = await addendumValidator.ValidateAsync(Addendum, cancellationToken);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation, nameof(Addendum));
            return await ShowAsync(id, sessionId, cancellationToken);
        }

        try
        {
            await notes.AddAddendumAsync(id, sessionId, Addendum.Text!, ActingUserId, cancellationToken);
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddError(ex, nameof(Addendum));
            return await ShowAsync(id, sessionId, cancellationToken);
        }

        TempData["Status"] = "Addendum signed and added.";
        return Redirect($"/Patients/{id}/Dosing/{sessionId}");
    }

    public async Task<IActionResult> OnPostCoSignAsync(Guid id, Guid sessionId, CancellationToken cancellationToken)
    {
        try
        {
            await notes.CoSignAsync(id, sessionId, ActingUserId, cancellationToken);
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddModelError("Sign", ex.Message);
            return await ShowAsync(id, sessionId, cancellationToken);
        }

        TempData["Status"] = "Session note co-signed.";
        return Redirect($"/Patients/{id}/Dosing/{sessionId}");
    }
}
