using KapClinic.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Users.Mfa;

/// <summary>
/// Identity's "Authenticator" token provider, replaced: it checks the code with <see cref="TotpCodes"/> (one step of
/// drift either way, not Identity's two) and accepts each time step once. The step is recorded with a single
/// conditional UPDATE, so two requests racing with the same code cannot both pass.
/// </summary>
public sealed class AuthenticatorCodeProvider(KapClinicDbContext db, TimeProvider clock) : IUserTwoFactorTokenProvider<ClinicUser>
{
    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ClinicUser> manager, ClinicUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));
    }

    /// <summary>The code comes from the person's app; the server never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<ClinicUser> manager, ClinicUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ClinicUser> manager, ClinicUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || TotpCodes.MatchingStep(key, token, clock.GetUtcNow()) is not { } step)
        {
            return false;
        }

        var claimed = await db.Users
            .Where(u => u.Id == user.Id && (u.MfaLastUsedStep == null || u.MfaLastUsedStep < step))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.MfaLastUsedStep, step));
        if (claimed != 1)
        {
            return false; // this step (or a later one) was used already: a replay
        }

        var entry = db.Entry(user);
        if (entry.State != EntityState.Detached)
        {
            entry.Property(u => u.MfaLastUsedStep).CurrentValue = step;
            entry.Property(u => u.MfaLastUsedStep).OriginalValue = step;
        }

        return true;
    }
}
