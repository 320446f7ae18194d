using FluentValidation;
using KapClinic.Core.Auditing;
using KapClinic.Web.Infrastructure.Auth;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Account;

/// <summary>
/// The second step of signing in: the 6-digit code from the person's authenticator app. Each code works once; wrong codes
/// count towards the same lockout as wrong passwords. Reached only with the short-lived cookie the password step sets.
/// </summary>
public sealed class LoginWith2faModel(ClinicSignInManager signInManager, AuditLog audit, IValidator<LoginWith2faModel.CodeInput> validator) : PageModel
{
    public const string WrongCodeMessage = "That code is not right, or it was used already. Enter the code your app shows now.";
    public const string LockedMessage = "Too many wrong attempts: sign-in is locked for 15 minutes.";

    [BindProperty]
    public CodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Whose code is asked for (the email they just typed), so they pick the right entry in their app.</summary>
    public string Account { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/Login", new { ReturnUrl = SafeReturnUrl });
        }

        Account = user.Email ?? string.Empty;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/Login", new { ReturnUrl = SafeReturnUrl });
        }

        Account = user.Email ?? string.Empty;
        var validation = await validator.ValidateAsync(Input);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation);
            return Page();
        }

        var result = await signInManager.TwoFactorAuthenticatorSignInAsync(
            Core.Users.Mfa.TotpCodes.Normalize(Input.Code), isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditActions.SignInSucceeded, AuditOutcome.Success, user.Id, "User", user.Id);
            return LocalRedirect(SafeReturnUrl);
        }

        var locked = result.IsLockedOut;
        await audit.RecordAsync(
            locked ? AuditActions.SignInLockedOut : AuditActions.SignInFailed, AuditOutcome.Failure, user.Id, "User", user.Id,
            detail: locked ? "Locked out" : "Wrong authentication code");
        Input.Code = string.Empty;
        ModelState.Clear();
        ModelState.AddModelError(locked ? string.Empty : "Input.Code", locked ? LockedMessage : WrongCodeMessage);
        return Page();
    }

    private string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    public sealed class CodeInput
    {
        public string Code { get; set; } = string.Empty;
    }

    public sealed class CodeInputValidator : AbstractValidator<CodeInput>
    {
        public CodeInputValidator()
        {
            RuleFor(x => x.Code)
                .Must(c => Core.Users.Mfa.TotpCodes.Normalize(c) is { Length: 6 } digits && digits.All(char.IsAsciiDigit))
                .WithMessage("Enter the 6-digit code from your authenticator app.");
        }
    }
}
