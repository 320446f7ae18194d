using KapClinic.Core.Demo;
using KapClinic.Core.Users;
using KapClinic.Core.Users.Mfa;
using Microsoft.AspNetCore.Identity;

namespace KapClinic.Web.Infrastructure.Cli;

/// <summary>
/// `totp EMAIL` (`./build.sh code EMAIL`): prints the current authenticator code of a demo user, so a developer can sign
/// in to `./build.sh run` without a phone. Only in Development and only for the demo accounts, whose secrets are published
/// anyway (<see cref="DemoSeeder.MfaSecretFor"/>); anything else is refused. Exit codes: 0 printed, 2 refused, 1 other.
/// </summary>
public static class TotpCommand
{
    public const string Name = "totp";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (!services.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            await error.WriteLineAsync($"{Name} works only in Development (ASPNETCORE_ENVIRONMENT=Development), for the demo accounts.");
            return 2;
        }

        if (args.Count != 1 || !DemoSeeder.IsDemoUser(args[0]))
        {
            await error.WriteLineAsync($"Usage: {Name} EMAIL, where EMAIL is a demo account: {string.Join(", ", DemoSeeder.Users.Select(u => u.Email))}.");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ClinicUser>>();
        string? key;
        try
        {
            var user = await users.FindByEmailAsync(args[0].Trim());
            key = user is null ? null : await users.GetAuthenticatorKeyAsync(user);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException || ex.InnerException is System.Data.Common.DbException)
        {
            await error.WriteLineAsync("Cannot read the database: is `./build.sh run` running?");
            return 1;
        }

        if (key is null || key != DemoSeeder.MfaSecretFor(args[0]))
        {
            await error.WriteLineAsync($"{args[0]} has no demo authenticator secret (never seeded, or reset and enrolled with a real app).");
            return 2;
        }

        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var secondsLeft = TotpCodes.StepSeconds - (now.ToUnixTimeSeconds() % TotpCodes.StepSeconds);
        await output.WriteLineAsync(TotpCodes.CodeAt(key, now));
        await error.WriteLineAsync($"Valid for {secondsLeft} more seconds (each code works once). Secret for an authenticator app: {TotpCodes.Grouped(key)}");
        return 0;
    }
}
