using FluentValidation;
using KapClinic.Core.Auditing;
using KapClinic.Core.Users;
using KapClinic.Web.Infrastructure.Auth;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Account;

/// <summary>
/// Sign-in. Unknown email, wrong password, locked and disabled accounts all get the same message and take
/// about the same time (a password hash is checked even for an unknown email), so the page does not reveal
/// which accounts exist. A user with an authenticator goes on to the code page; a user who must set one up and has
/// not is signed in but held on the enrolment page (<see cref="MfaEnrolmentGate"/>).
/// </summary>
public sealed class LoginModel(
    ClinicSignInManager signInManager,
    UserManager<ClinicUser> userManager,
    IPasswordHasher<ClinicUser> passwordHasher,
    AuditLog audit,
    IValidator<LoginModel.LoginInput> validator) : PageModel
{
    public const string FailureMessage =
        "The email or password is incorrect, or the account is locked or disabled. After 5 failed attempts, sign-in is locked for 15 minutes.";

    // A real hash (same hasher, same iterations) of a random password, checked whenever the real one is not
    // (unknown email, locked or disabled account) so the response time does not reveal which accounts exist.
    private static string? dummyHash;

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return LocalRedirect(SafeReturnUrl);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var validation = await validator.ValidateAsync(Input);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation);
            return Page();
        }

        var user = await userManager.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            SpendHashTime();
            await audit.RecordAsync(AuditActions.SignInFailed, AuditOutcome.Failure, detail: "Unknown account");
            return Failed();
        }

        var result = await signInManager.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            // The password was right; the session starts only after the authenticator code (LoginWith2fa).
            return RedirectToPage("/Account/LoginWith2fa", new { ReturnUrl = SafeReturnUrl });
        }

        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditActions.SignInSucceeded, AuditOutcome.Success, user.Id, "User", user.Id);
            return LocalRedirect(SafeReturnUrl);
        }

        if (result.IsLockedOut || result.IsNotAllowed)
        {
            SpendHashTime(); // Identity refused before checking the password
        }

        var (action, detail) = result.IsLockedOut ? (AuditActions.SignInLockedOut, "Locked out")
            : result.IsNotAllowed ? (AuditActions.SignInFailed, "Account disabled")
            : (AuditActions.SignInFailed, "Wrong password");
        await audit.RecordAsync(action, AuditOutcome.Failure, user.Id, "User", user.Id, detail: detail);
        return Failed();
    }

    private void SpendHashTime()
    {
        dummyHash ??= passwordHasher.HashPassword(null!, Guid.NewGuid().ToString());
        passwordHasher.VerifyHashedPassword(null!, dummyHash, Input.Password);
    }

    private string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    private PageResult Failed()
    {
        ModelState.AddModelError(string.Empty, FailureMessage);
        Input.Password = string.Empty;
        return Page();
    }

    public sealed class LoginInput
    {
        public string Email { get; set; } = string.Empty;

        public string Password { get; set; } = string.Empty;
    }

    public sealed class LoginInputValidator : AbstractValidator<LoginInput>
    {
        public LoginInputValidator()
        {
            RuleFor(x => x.Email).NotEmpty().WithMessage("Enter your email address.");
            RuleFor(x => x.Password).NotEmpty().WithMessage("Enter your password.");
        }
    }
}
