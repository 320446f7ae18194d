using KapClinic.Core.Auditing;
using KapClinic.Core.Common;
using KapClinic.Core.Users.Mfa;
using Microsoft.AspNetCore.Identity;

namespace KapClinic.Core.Users;

/// <summary>
/// What a signed-in person changes about their own sign-in: password, authenticator, recovery codes. Each asks for the
/// current password again (a session left open is not enough); wrong passwords count towards the lockout.
/// </summary>
public sealed class AccountSecurity(
    UserManager<ClinicUser> users,
    PasswordConfirmation confirmation,
    MfaEnrolment mfa,
    AuditLog audit)
{
    public const string CurrentPasswordField = "CurrentPassword";
    public const string NewPasswordField = "NewPassword";

    /// <summary>Sets a new password (PasswordPolicy applies) and ends the user's other sessions (new security stamp).</summary>
    public async Task ChangePasswordAsync(Guid userId, string? currentPassword, string newPassword)
    {
        var user = await ReauthenticateAsync(userId, currentPassword);
        var result = await users.ChangePasswordAsync(user, currentPassword!, newPassword);
        if (!result.Succeeded)
        {
            throw new RuleViolationException(NewPasswordField, string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await audit.RecordAsync(AuditActions.UserPasswordChanged, AuditOutcome.Success, user.Id, "User", user.Id);
    }

    /// <summary>Removes the user's authenticator and recovery codes (they set up a new app next).</summary>
    public async Task ResetOwnMfaAsync(Guid userId, string? currentPassword)
    {
        await ReauthenticateAsync(userId, currentPassword);
        await mfa.ResetAsync(userId, "Reset by the user");
    }

    /// <summary>Ten new recovery codes; the old ones stop working.</summary>
    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(Guid userId, string? currentPassword)
    {
        var user = await ReauthenticateAsync(userId, currentPassword);
        return await mfa.RenewRecoveryCodesAsync(user);
    }

    private async Task<ClinicUser> ReauthenticateAsync(Guid userId, string? currentPassword)
    {
        try
        {
            return await confirmation.ConfirmAsync(userId, currentPassword, CurrentPasswordField);
        }
        catch (RuleViolationException)
        {
            await audit.RecordAsync(AuditActions.UserReauthenticationFailed, AuditOutcome.Failure, userId, "User", userId);
            throw new RuleViolationException(CurrentPasswordField,
                "That is not your current password. After 5 wrong passwords the account is locked for 15 minutes.");
        }
    }
}
