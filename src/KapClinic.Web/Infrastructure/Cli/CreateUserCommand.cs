using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Data;
using KapClinic.Core.Users;
using KapClinic.Web.Infrastructure.Startup;
using Microsoft.Extensions.Options;

namespace KapClinic.Web.Infrastructure.Cli;

/// <summary>
/// `create-user --email E --role Admin|Clinician|Staff [--name "Full Name"] [--credentials MD] [--prescriber] [--supervisor]`:
/// creates a user on a production install (the very first admin). The password is read from standard input,
/// never from the command line, where it would sit in shell history and the process list.
/// Exit codes: 0 created, 2 bad input, 1 anything else.
/// </summary>
public static class CreateUserCommand
{
    public const string Name = "create-user";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextReader input, TextWriter output, TextWriter error)
    {
        var options = ParseOptions(args, error);
        if (options is null)
        {
            return 2;
        }

        options.TryGetValue("email", out var email);
        options.TryGetValue("role", out var role);
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(role) || !ClinicRoles.IsKnown(role))
        {
            await error.WriteLineAsync($"Usage: {Name} --email E --role {string.Join('|', ClinicRoles.All)} [--name \"Full Name\"] [--credentials MD] [--prescriber] [--supervisor]");
            await error.WriteLineAsync("The password is read from standard input.");
            return 2;
        }

        var password = await ReadPasswordAsync(input, output);
        var newUser = new NewUserInput
        {
            Email = email,
            DisplayName = options.TryGetValue("name", out var name) && !string.IsNullOrWhiteSpace(name) ? name : email.Split('@')[0],
            Credentials = options.GetValueOrDefault("credentials"),
            Password = password,
            IsAdmin = role == ClinicRoles.Admin,
            IsClinician = role == ClinicRoles.Clinician,
            IsStaff = role == ClinicRoles.Staff,
            IsPrescriber = options.ContainsKey("prescriber"),
            IsSupervisor = options.ContainsKey("supervisor"),
        };

        await using var scope = services.CreateAsyncScope();
        try
        {
            if (services.GetRequiredService<IOptions<StartupOptions>>().Value.MigrateDatabase)
            {
                await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<KapClinicDbContext>());
            }

            await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(newUser);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException || ex.InnerException is System.Data.Common.DbException)
        {
            await error.WriteLineAsync($"Cannot use the database: {(ex as System.Data.Common.DbException ?? ex.InnerException)!.Message}");
            await error.WriteLineAsync("Check ConnectionStrings__KapClinic and that PostgreSQL is running.");
            return 1;
        }
        catch (ValidationException ex)
        {
            foreach (var failure in ex.Errors)
            {
                await error.WriteLineAsync($"{failure.PropertyName}: {failure.ErrorMessage}");
            }

            return 2;
        }
        catch (RuleViolationException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 2;
        }

        await output.WriteLineAsync($"Created {role} user {email}.");
        return 0;
    }

    private static Dictionary<string, string?>? ParseOptions(IReadOnlyList<string> args, TextWriter error)
    {
        var options = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                error.WriteLine($"Unexpected argument '{args[i]}'.");
                return null;
            }

            var key = args[i][2..];
            var isFlag = key is "prescriber" or "supervisor";
            if (!isFlag && i + 1 >= args.Count)
            {
                error.WriteLine($"--{key} needs a value.");
                return null;
            }

            options[key] = isFlag ? "true" : args[++i];
        }

        return options;
    }

    private static async Task<string> ReadPasswordAsync(TextReader input, TextWriter output)
    {
        if (ReferenceEquals(input, Console.In) && !Console.IsInputRedirected)
        {
            await output.WriteAsync("Password (not shown): ");
            var password = new System.Text.StringBuilder();
            for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
            {
                if (key.Key == ConsoleKey.Backspace && password.Length > 0)
                {
                    password.Length--;
                }
                else if (!char.IsControl(key.KeyChar))
                {
                    password.Append(key.KeyChar);
                }
            }

            await output.WriteLineAsync();
            return password.ToString();
        }

        return (await input.ReadLineAsync())?.TrimEnd('\r') ?? string.Empty;
    }
}
