using System.Security.Claims;
using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Users;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Admin.Users;

/// <summary>Edit a user's name, roles and flags; disable or re-enable the account.</summary>
public sealed class EditModel(UserAdministration users, IValidator<EditUserInput> validator) : PageModel
{
    [BindProperty]
    public EditUserInput Input { get; set; } = new();

    public UserDetails Details { get; private set; } = null!;

    /// <summary>Set when someone else saved the user meanwhile: what is in the database now.</summary>
    public EditUserInput? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Details = await users.GetAsync(id, cancellationToken);
        Input = Details.Input;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        Details = await users.GetAsync(id, cancellationToken);
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation);
            return Page();
        }

        try
        {
            await users.UpdateAsync(id, Input, ActingUserId, cancellationToken);
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddError(ex);
            return Page();
        }
        catch (ConcurrencyConflictException ex)
        {
            // Keep what this admin typed; show what the other person saved; the next save applies over it.
            Current = Details.Input;
            ModelState.AddModelError(string.Empty, ex.Message);
            ModelState.Remove("Input.ConcurrencyStamp");
            Input.ConcurrencyStamp = Current.ConcurrencyStamp;
            return Page();
        }

        TempData["Status"] = $"Saved {Input.DisplayName}.";
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostDisableAsync(Guid id, CancellationToken cancellationToken) =>
        await SetDisabledAsync(id, disabled: true, cancellationToken);

    public async Task<IActionResult> OnPostEnableAsync(Guid id, CancellationToken cancellationToken) =>
        await SetDisabledAsync(id, disabled: false, cancellationToken);

    private async Task<IActionResult> SetDisabledAsync(Guid id, bool disabled, CancellationToken cancellationToken)
    {
        try
        {
            await users.SetDisabledAsync(id, disabled, ActingUserId, cancellationToken);
        }
        catch (RuleViolationException ex)
        {
            Details = await users.GetAsync(id, cancellationToken);
            Input = Details.Input;
            ModelState.AddModelError(string.Empty, ex.Message);
            return Page();
        }

        TempData["Status"] = disabled
            ? "The account is disabled: the person is signed out everywhere and cannot sign in."
            : "The account is enabled again.";
        return RedirectToPage(new { id });
    }

    private Guid ActingUserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
