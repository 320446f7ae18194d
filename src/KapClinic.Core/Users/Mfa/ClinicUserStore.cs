using KapClinic.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace KapClinic.Core.Users.Mfa;

/// <summary>
/// Identity's EF Core user store, except that two-factor recovery codes are kept as hashes (Identity's own store keeps
/// them as plain text in the user tokens table). Each code redeems once: the matching hash is removed.
/// </summary>
public sealed class ClinicUserStore(KapClinicDbContext context, IdentityErrorDescriber? describer = null)
    : UserStore<ClinicUser, IdentityRole<Guid>, KapClinicDbContext, Guid>(context, describer)
{
    public const string InternalLoginProvider = "[AspNetUserStore]";
    public const string RecoveryCodesToken = "RecoveryCodes";
    public const string AuthenticatorKeyToken = "AuthenticatorKey";

    public override Task ReplaceCodesAsync(ClinicUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(recoveryCodes);
        var hashes = recoveryCodes.Select(code => RecoveryCodeHash.Of(user.Id, code));
        return SetTokenAsync(user, InternalLoginProvider, RecoveryCodesToken, string.Join(';', hashes), cancellationToken);
    }

    public override async Task<bool> RedeemCodeAsync(ClinicUser user, string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrWhiteSpace(code))
        {
            return false;
        }

        var stored = (await GetTokenAsync(user, InternalLoginProvider, RecoveryCodesToken, cancellationToken) ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries);
        var hash = RecoveryCodeHash.Of(user.Id, code);
        var match = stored.FirstOrDefault(h => RecoveryCodeHash.AreEqual(h, hash));
        if (match is null)
        {
            return false;
        }

        var remaining = stored.Where(h => !ReferenceEquals(h, match));
        await SetTokenAsync(user, InternalLoginProvider, RecoveryCodesToken, string.Join(';', remaining), cancellationToken);
        return true;
    }
}
