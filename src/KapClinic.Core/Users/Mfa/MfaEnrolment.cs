using KapClinic.Core.Auditing;
using KapClinic.Core.Common;
using KapClinic.Core.Data;
using KapClinic.Core.Settings;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Users.Mfa;

/// <summary>
/// Setting up, and taking away, a user's authenticator (TOTP) second factor and their recovery codes.
/// The secret is kept as Identity's authenticator key; it only counts once a code from the app confirmed it.
/// </summary>
public sealed class MfaEnrolment(
    KapClinicDbContext db,
    UserManager<ClinicUser> users,
    ClinicSettingsService settings,
    AuditLog audit)
{
    public const int RecoveryCodeCount = 10;
    public const string Issuer = "KapClinic";

    /// <summary>True when the user has a confirmed authenticator.</summary>
    public async Task<bool> HasMfaAsync(ClinicUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.TwoFactorEnabled && !string.IsNullOrWhiteSpace(await users.GetAuthenticatorKeyAsync(user));
    }

    /// <summary>True when the user's roles (and, for Staff, the clinic's setting) require a second factor they do not have yet.</summary>
    public async Task<bool> MustEnrolAsync(ClinicUser user, IReadOnlyCollection<string> roles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var staffOnly = !roles.Contains(ClinicRoles.Admin) && !roles.Contains(ClinicRoles.Clinician);
        var requiredForStaff = staffOnly && roles.Contains(ClinicRoles.Staff) && (await settings.GetAsync(cancellationToken)).RequireMfaForStaff;
        return MfaRequirement.IsRequired(roles, requiredForStaff) && !await HasMfaAsync(user);
    }

    /// <summary>
    /// The secret to put in the person's app: made and stored on the first call, the same on a reload, so the QR code
    /// they scanned stays valid until they confirm it.
    /// </summary>
    public async Task<string> PendingSecretAsync(Guid userId)
    {
        var user = await FindAsync(userId);
        if (await HasMfaAsync(user))
        {
            throw new RuleViolationException("You have already set up an authenticator app. Reset it on the account security page first.");
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (!string.IsNullOrWhiteSpace(key))
        {
            return key;
        }

        key = TotpCodes.NewSecret();
        await SetKeyAsync(user, key);
        return key;
    }

    /// <summary>
    /// Checks a code from the app against the pending secret; on success turns the second factor on, ends the user's other
    /// sessions and returns <see cref="RecoveryCodeCount"/> new recovery codes (shown once: only their hashes are kept).
    /// </summary>
    public async Task<IReadOnlyList<string>> ConfirmAsync(Guid userId, string? code, string field = "Code")
    {
        var user = await FindAsync(userId);
        if (await HasMfaAsync(user))
        {
            throw new RuleViolationException(field, "You have already set up an authenticator app.");
        }

        if (string.IsNullOrWhiteSpace(await users.GetAuthenticatorKeyAsync(user))
            || !await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, TotpCodes.Normalize(code)))
        {
            throw new RuleViolationException(field, "That code is not right. Enter the 6-digit code your app shows now (it changes every 30 seconds).");
        }

        user.TwoFactorEnabled = true;
        user.EndAllSessions();
        audit.Add(AuditActions.UserMfaEnrolled, AuditOutcome.Success, user.Id, "User", user.Id);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) // saves the user and the audit row
            ?? throw new InvalidOperationException("Identity made no recovery codes.");
        return [.. codes];
    }

    /// <summary>New recovery codes replacing the old ones (which stop working at once).</summary>
    public async Task<IReadOnlyList<string>> RenewRecoveryCodesAsync(ClinicUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!await HasMfaAsync(user))
        {
            throw new RuleViolationException("Set up an authenticator app first; recovery codes come with it.");
        }

        audit.Add(AuditActions.UserRecoveryCodesRenewed, AuditOutcome.Success, user.Id, "User", user.Id);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount)
            ?? throw new InvalidOperationException("Identity made no recovery codes.");
        return [.. codes];
    }

    /// <summary>
    /// Removes the authenticator key and recovery codes, turns the second factor off and ends every session of the user,
    /// in one save with its audit row. Whoever must have a second factor enrols again at their next sign-in.
    /// </summary>
    public async Task ResetAsync(Guid userId, string reason, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken)
            ?? throw new NotFoundException("That user does not exist.");
        var tokens = await db.UserTokens
            .Where(t => t.UserId == userId && t.LoginProvider == ClinicUserStore.InternalLoginProvider
                && (t.Name == ClinicUserStore.AuthenticatorKeyToken || t.Name == ClinicUserStore.RecoveryCodesToken))
            .ToListAsync(cancellationToken);
        db.UserTokens.RemoveRange(tokens);
        user.ResetMfa();
        user.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        audit.Add(AuditActions.UserMfaReset, AuditOutcome.Success, entityType: "User", entityId: userId, detail: reason);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Enrols a user with a secret chosen in advance, without a code from an app. Only for the demo data (published
    /// secrets, Development only) and the tests, which compute codes from the same secret.
    /// </summary>
    public async Task EnrolWithKnownSecretAsync(Guid userId, string secret)
    {
        var user = await FindAsync(userId);
        await SetKeyAsync(user, secret);
        user.TwoFactorEnabled = true;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    private async Task SetKeyAsync(ClinicUser user, string key)
    {
        var result = await users.SetAuthenticationTokenAsync(user, ClinicUserStore.InternalLoginProvider, ClinicUserStore.AuthenticatorKeyToken, key);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    private async Task<ClinicUser> FindAsync(Guid userId) =>
        await users.FindByIdAsync(userId.ToString()) ?? throw new NotFoundException("That user does not exist.");
}
