using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Users;
using KapClinic.Core.Users.Mfa;
using KapClinic.Web.Infrastructure.Auth;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Account;

/// <summary>
/// The signed-in person's own sign-in settings: change the password, reset the authenticator (set up a new phone), or get
/// new recovery codes. Each asks for the current password again and is audited; the first two end the other sessions.
/// </summary>
public sealed class SecurityModel(
    AccountSecurity security,
    MfaEnrolment mfa,
    UserManager<ClinicUser> userManager,
    ClinicSignInManager signInManager,
    IValidator<ChangePasswordInput> passwordValidator,
    IValidator<CurrentPasswordInput> currentValidator) : PageModel
{
    [BindProperty]
    public ChangePasswordInput Password { get; set; } = new();

    [BindProperty]
    public CurrentPasswordInput MfaReset { get; set; } = new();

    [BindProperty]
    public CurrentPasswordInput Codes { get; set; } = new();

    public bool HasMfa { get; private set; }

    /// <summary>New recovery codes, shown once on this response.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        if (await LoadAsync() is not { } user)
        {
            return Challenge();
        }

        var validation = await passwordValidator.ValidateAsync(Password);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation, nameof(Password));
            return Cleared();
        }

        try
        {
            await security.ChangePasswordAsync(user.Id, Password.CurrentPassword, Password.NewPassword);
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddError(ex, nameof(Password));
            return Cleared();
        }

        await signInManager.RenewSessionAsync(user);
        TempData["Status"] = "Your password was changed. Your other sessions have ended.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResetMfaAsync()
    {
        if (await LoadAsync() is not { } user)
        {
            return Challenge();
        }

        var validation = await currentValidator.ValidateAsync(MfaReset);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation, nameof(MfaReset));
            return Cleared();
        }

        try
        {
            await security.ResetOwnMfaAsync(user.Id, MfaReset.CurrentPassword);
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddError(ex, nameof(MfaReset));
            return Cleared();
        }

        await signInManager.RenewSessionAsync(await userManager.GetUserAsync(User) ?? user);
        return RedirectToPage("/Account/Mfa/Enrol");
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (await LoadAsync() is not { } user)
        {
            return Challenge();
        }

        var validation = await currentValidator.ValidateAsync(Codes);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation, nameof(Codes));
            return Cleared();
        }

        try
        {
            RecoveryCodes = await security.NewRecoveryCodesAsync(user.Id, Codes.CurrentPassword);
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddError(ex, nameof(Codes));
        }

        return Cleared();
    }

    private async Task<ClinicUser?> LoadAsync()
    {
        var user = await userManager.GetUserAsync(User);
        HasMfa = user is not null && await mfa.HasMfaAsync(user);
        return user;
    }

    /// <summary>Passwords are never typed back into the form.</summary>
    private PageResult Cleared()
    {
        Password = new ChangePasswordInput();
        MfaReset = new CurrentPasswordInput();
        Codes = new CurrentPasswordInput();
        foreach (var key in ModelState.Keys.ToList())
        {
            ModelState[key]!.RawValue = null;
        }

        return Page();
    }
}
