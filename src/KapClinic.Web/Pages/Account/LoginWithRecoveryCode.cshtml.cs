using FluentValidation;
using KapClinic.Core.Auditing;
using KapClinic.Core.Users.Mfa;
using KapClinic.Web.Infrastructure.Auth;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Account;

/// <summary>
/// The second step of signing in with one of the ten recovery codes instead of the app. Each code works once (it is
/// removed when used); wrong codes count towards the lockout.
/// </summary>
public sealed class LoginWithRecoveryCodeModel(
    ClinicSignInManager signInManager,
    AuditLog audit,
    IValidator<LoginWithRecoveryCodeModel.RecoveryInput> validator) : PageModel
{
    public const string WrongCodeMessage = "That recovery code is not right, or it was used already.";

    [BindProperty]
    public RecoveryInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signInManager.GetTwoFactorAuthenticationUserAsync() is null
            ? RedirectToPage("/Account/Login", new { ReturnUrl = SafeReturnUrl })
            : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/Login", new { ReturnUrl = SafeReturnUrl });
        }

        var validation = await validator.ValidateAsync(Input);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation);
            return Page();
        }

        var result = await signInManager.TwoFactorRecoveryCodeSignInAsync(RecoveryCodeHash.Normalize(Input.RecoveryCode));
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditActions.SignInRecoveryCodeUsed, AuditOutcome.Success, user.Id, "User", user.Id);
            await audit.RecordAsync(AuditActions.SignInSucceeded, AuditOutcome.Success, user.Id, "User", user.Id);
            TempData["Status"] = "You signed in with a recovery code, which is now used up. If you lost your app, reset it on the account security page.";
            return LocalRedirect(SafeReturnUrl);
        }

        var locked = result.IsLockedOut;
        await audit.RecordAsync(
            locked ? AuditActions.SignInLockedOut : AuditActions.SignInFailed, AuditOutcome.Failure, user.Id, "User", user.Id,
            detail: locked ? "Locked out" : "Wrong recovery code");
        Input.RecoveryCode = string.Empty;
        ModelState.Clear();
        ModelState.AddModelError(locked ? string.Empty : "Input.RecoveryCode", locked ? LoginWith2faModel.LockedMessage : WrongCodeMessage);
        return Page();
    }

    private string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    public sealed class RecoveryInput
    {
        public string RecoveryCode { get; set; } = string.Empty;
    }

    public sealed class RecoveryInputValidator : AbstractValidator<RecoveryInput>
    {
        public RecoveryInputValidator()
        {
            RuleFor(x => x.RecoveryCode)
                .Must(c => RecoveryCodeHash.Normalize(c).Length is >= 8 and <= 20)
                .WithMessage("Enter one of your recovery codes, e.g. ABCDE-FGHJK.");
        }
    }
}
