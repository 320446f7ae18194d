using System.Security.Claims;
using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Screening;
using KapClinic.Web.Infrastructure.Auth;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Patients.Screening;

/// <summary>The patient's screening: the latest answers as a form, the derived result, signing, earlier versions.</summary>
public sealed class IndexModel(ScreeningService screening, IValidator<ScreeningInput> validator) : PageModel
{
    [BindProperty]
    public ScreeningInput Input { get; set; } = new();

    public ScreeningOverview Overview { get; private set; } = null!;

    /// <summary>Prescribers see "Sign" on an unsigned latest version (the service checks again when they press it).</summary>
    public bool CanSign => Overview.Latest is { IsSigned: false } && User.HasClaim(ClinicClaims.Prescriber, "true");

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Overview = await screening.GetAsync(id, cancellationToken);
        Input = Overview.Latest is { } latest ? ScreeningInput.From(latest.VersionNumber, latest.Responses) : ScreeningInput.Blank();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation);
            return await RedisplayAsync(id, cancellationToken);
        }

        ScreeningSaveResult saved;
        try
        {
            saved = await screening.SaveAsync(id, Input, ActingUserId, cancellationToken);
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddError(ex);
            return await RedisplayAsync(id, cancellationToken);
        }
        catch (ConcurrencyConflictException ex)
        {
            // Keep the answers typed here; the next save builds on the version saved meanwhile.
            ModelState.AddModelError(string.Empty, ex.Message);
            await RedisplayAsync(id, cancellationToken);
            ModelState.Remove($"{nameof(Input)}.{nameof(Input.BasedOnVersion)}");
            Input.BasedOnVersion = Overview.Latest?.VersionNumber ?? 0;
            return Page();
        }

        TempData["Status"] = saved.Created
            ? $"Saved screening version {saved.VersionNumber}: {ScreeningDisplay.Title(saved.Result)}."
            : $"Nothing changed, so no new version was made: version {saved.VersionNumber} is still the current screening.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostSignAsync(Guid id, int version, CancellationToken cancellationToken)
    {
        try
        {
            await screening.SignAsync(id, version, ActingUserId, cancellationToken);
        }
        catch (RuleViolationException ex)
        {
            await OnGetAsync(id, cancellationToken);
            ModelState.AddModelError(string.Empty, ex.Message);
            return Page();
        }

        TempData["Status"] = $"You signed screening version {version}. It can no longer be changed; a later change makes a new version.";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> RedisplayAsync(Guid id, CancellationToken cancellationToken)
    {
        Overview = await screening.GetAsync(id, cancellationToken);
        return Page();
    }

    private Guid ActingUserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
