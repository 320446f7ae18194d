using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Users;
using KapClinic.Core.Users.Mfa;
using KapClinic.Web.Infrastructure.Auth;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Account.Mfa;

/// <summary>
/// Setting up an authenticator app: the secret as a QR code and as text, then a code from the app to confirm it, then the
/// ten recovery codes, shown once on this response (only their hashes are kept). Users who must have a second factor are
/// held here after their password until they finish (<see cref="MfaEnrolmentGate"/>).
/// </summary>
public sealed class EnrolModel(
    MfaEnrolment mfa,
    UserManager<ClinicUser> userManager,
    ClinicSignInManager signInManager,
    IValidator<LoginWith2faModel.CodeInput> validator) : PageModel
{
    [BindProperty]
    public LoginWith2faModel.CodeInput Input { get; set; } = new();

    public string Secret { get; private set; } = string.Empty;

    public string GroupedSecret => TotpCodes.Grouped(Secret);

    public string OtpAuthUri { get; private set; } = string.Empty;

    public string QrCode { get; private set; } = string.Empty;

    /// <summary>Set once the code is confirmed: the codes to write down now.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (await mfa.HasMfaAsync(user))
        {
            return RedirectToPage("/Account/Security");
        }

        await ShowSecretAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var validation = await validator.ValidateAsync(Input);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation);
            await ShowSecretAsync(user);
            return Page();
        }

        try
        {
            RecoveryCodes = await mfa.ConfirmAsync(user.Id, Input.Code);
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddError(ex);
            Input.Code = string.Empty;
            await ShowSecretAsync(user);
            return Page();
        }

        // The new security stamp ended every session; this one goes on, now without the enrolment hold.
        await signInManager.RenewSessionAsync(user);
        return Page();
    }

    private async Task ShowSecretAsync(ClinicUser user)
    {
        Secret = await mfa.PendingSecretAsync(user.Id);
        OtpAuthUri = TotpCodes.OtpAuthUri(MfaEnrolment.Issuer, user.Email ?? user.UserName ?? "user", Secret);
        QrCode = QrCodeImage.PngDataUri(OtpAuthUri);
    }
}
