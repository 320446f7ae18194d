using KapClinic.Core.Common;
using Microsoft.AspNetCore.Identity;

namespace KapClinic.Core.Users;

/// <summary>
/// A second person confirms an action on the same screen by typing their own password (a prescriber overriding a
/// dosing gate; later, a witness to a controlled-substance waste). Failures count towards the account's lockout,
/// so the screen cannot be used to guess a password.
/// </summary>
public sealed class PasswordConfirmation(UserManager<ClinicUser> users)
{
    public async Task<ClinicUser> ConfirmAsync(Guid userId, string? password, string field)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || user.IsDisabled)
        {
            throw new RuleViolationException(field, "That account cannot confirm this.");
        }

        if (await users.IsLockedOutAsync(user))
        {
            throw new RuleViolationException(field, $"{user.DisplayName}'s account is locked after too many wrong passwords; try again later.");
        }

        if (string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            throw new RuleViolationException(field, $"That is not {user.DisplayName}'s password.");
        }

        await users.ResetAccessFailedCountAsync(user);
        return user;
    }
}
