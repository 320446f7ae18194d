using KapClinic.Core.Auditing;
using KapClinic.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Account;

/// <summary>Sign-out is a POST (with antiforgery), so a link or image on another site cannot sign a user out.</summary>
public sealed class LogoutModel(ClinicSignInManager signInManager, AuditLog audit) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await audit.RecordAsync(AuditActions.SignOut, AuditOutcome.Success);
        await signInManager.SignOutAsync();
        TempData["Status"] = "You have signed out.";
        return RedirectToPage("/Account/Login");
    }
}
