using System.Net;
using System.Text.RegularExpressions;
using KapClinic.Core.Data;
using KapClinic.Core.Users;
using KapClinic.Core.Users.Mfa;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.TestSupport;

/// <summary>
/// Authenticator codes for tests, computed as an app would, with the app's own <see cref="TotpCodes"/> and the app's clock
/// (a FakeTimeProvider when the test replaced it). A code is good once per time step, so the code chosen is for the
/// current step or, when the user already used it (a second sign-in in the same 30 s), the next one (±1 step is accepted).
/// </summary>
public static partial class TestMfa
{
    public const string CodePagePath = "/Account/LoginWith2fa";
    public const string EnrolPagePath = "/Account/Mfa/Enrol";

    /// <summary>A code the app will accept now for the user's stored secret.</summary>
    public static async Task<string> NextCodeAsync(KapClinicAppFactory app, string email)
    {
        ArgumentNullException.ThrowIfNull(app);
        var clock = app.Services.GetRequiredService<TimeProvider>();
        while (true)
        {
            var (secret, lastUsed) = await SecretAndLastStepAsync(app, email);
            var now = TotpCodes.StepAt(clock.GetUtcNow());
            var step = Math.Max(now, (lastUsed ?? 0) + 1);
            if (step <= now + 1)
            {
                return TotpCodes.CodeForStep(secret, step);
            }

            if (clock != TimeProvider.System)
            {
                throw new InvalidOperationException(
                    $"{email} used the codes of this time step and the next already, and the app's clock stands still: advance it by 30 seconds.");
            }

            await Task.Delay(TimeSpan.FromSeconds(1)); // the real clock: wait for the next step
        }
    }

    public static async Task<bool> MustEnrolAsync(KapClinicAppFactory app, string email)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ClinicUser>>();
        var user = await users.FindByEmailAsync(email);
        return user is not null
            && await scope.ServiceProvider.GetRequiredService<MfaEnrolment>().MustEnrolAsync(user, [.. await users.GetRolesAsync(user)]);
    }

    /// <summary>Sets up the authenticator on the real enrolment page: reads the key it shows, confirms with a code.</summary>
    public static async Task<IReadOnlyList<string>> EnrolAsync(KapClinicAppFactory app, HttpClient client, string email)
    {
        ArgumentNullException.ThrowIfNull(client);
        var html = await client.GetStringAsync(EnrolPagePath);
        var secret = SecretOnPage(html) ?? throw new InvalidOperationException("The enrolment page shows no key.");
        var token = HtmlForms.TokenIn(html) ?? throw new InvalidOperationException("The enrolment page has no antiforgery token.");
        var code = TotpCodes.CodeForStep(secret, Math.Max(
            TotpCodes.StepAt(app.Services.GetRequiredService<TimeProvider>().GetUtcNow()),
            ((await SecretAndLastStepAsync(app, email)).LastUsed ?? 0) + 1));
        var response = await client.PostAsync(EnrolPagePath, new FormUrlEncodedContent(
            [new("Input.Code", code), new("__RequestVerificationToken", token)]));
        var page = await response.Content.ReadAsStringAsync();
        var codes = RecoveryCodePattern().Matches(page).Select(m => m.Groups[1].Value).ToList();
        if (response.StatusCode != HttpStatusCode.OK || codes.Count == 0)
        {
            throw new InvalidOperationException($"Enrolment failed: {response.StatusCode}");
        }

        return codes;
    }

    /// <summary>The key the enrolment page shows, without the spaces.</summary>
    public static string? SecretOnPage(string html)
    {
        var match = SecretPattern().Match(html);
        return match.Success ? match.Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal) : null;
    }

    public static IReadOnlyList<string> RecoveryCodesOnPage(string html) =>
        [.. RecoveryCodePattern().Matches(html).Select(m => m.Groups[1].Value)];

    private static async Task<(string Secret, long? LastUsed)> SecretAndLastStepAsync(KapClinicAppFactory app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        var normalized = email.Trim().ToUpperInvariant();
        var user = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized)
            .Select(u => new { u.Id, u.MfaLastUsedStep }).SingleAsync();
        var secret = await db.UserTokens.AsNoTracking()
            .Where(t => t.UserId == user.Id && t.LoginProvider == ClinicUserStore.InternalLoginProvider && t.Name == ClinicUserStore.AuthenticatorKeyToken)
            .Select(t => t.Value).SingleOrDefaultAsync()
            ?? throw new InvalidOperationException($"{email} has no authenticator key.");
        return (secret, user.MfaLastUsedStep);
    }

    [GeneratedRegex("data-testid=\"mfa-secret\">([A-Z2-7 ]+)<")]
    private static partial Regex SecretPattern();

    [GeneratedRegex("<li><code>([A-Z0-9-]+)</code></li>")]
    private static partial Regex RecoveryCodePattern();
}
