using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Users;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Admin.Users;

public sealed class ResetPasswordModel(UserAdministration users, IValidator<PasswordResetInput> validator) : PageModel
{
    [BindProperty]
    public PasswordResetInput Input { get; set; } = new();

    public UserDetails Details { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        Details = await users.GetAsync(id, cancellationToken);

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
            // Core checks again with the user's email and name (PasswordPolicy's context words).
            await users.ResetPasswordAsync(id, Input.NewPassword, cancellationToken);
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddError(ex);
            return Page();
        }

        TempData["Status"] = $"The password of {Details.Input.DisplayName} was reset; they are signed out everywhere.";
        return RedirectToPage("Edit", new { id });
    }
}
