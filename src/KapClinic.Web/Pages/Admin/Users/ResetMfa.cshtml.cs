using KapClinic.Core.Users;
using KapClinic.Core.Users.Mfa;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Admin.Users;

/// <summary>
/// An Admin removes a user's authenticator and recovery codes (lost phone): audited as User.MfaReset, every session of the
/// user ends, and they set up a new app at their next sign-in. A confirmation page, so a stray click does nothing.
/// </summary>
public sealed class ResetMfaModel(UserAdministration users, MfaEnrolment mfa) : PageModel
{
    public UserDetails Details { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        Details = await users.GetAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        Details = await users.GetAsync(id, cancellationToken);
        await mfa.ResetAsync(id, "Reset by an administrator", cancellationToken);
        TempData["Status"] = $"The authenticator app of {Details.Input.DisplayName} was reset; they are signed out everywhere and set up a new app at their next sign-in.";
        return RedirectToPage("Edit", new { id });
    }
}
