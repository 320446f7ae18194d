using System.Diagnostics;
using Npgsql;

namespace KapClinic.Web.Infrastructure.Cli;

/// <summary>
/// Runs PostgreSQL's client programs (pg_dump, pg_restore) against the server of a connection string. The programs
/// come from KAPCLINIC_PG_BIN, else the newest /usr/lib/postgresql/*/bin, else the PATH; the password (if any) goes
/// in the environment, never on the command line.
/// </summary>
public static class PostgresTools
{
    public const string BinVariable = "KAPCLINIC_PG_BIN";

    public static string Find(string program)
    {
        var configured = Environment.GetEnvironmentVariable(BinVariable);
        if (!string.IsNullOrWhiteSpace(configured) && File.Exists(Path.Combine(configured, program)))
        {
            return Path.Combine(configured, program);
        }

        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin", program))
                .Where(File.Exists)
                .OrderByDescending(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return installed ?? program; // on the PATH
    }

    /// <summary>Runs the program with the connection's host, port, user and password; returns its exit code and standard error.</summary>
    public static async Task<(int ExitCode, string Error)> RunAsync(
        string program, string connectionString, IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Find(program)) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "--host", connection.Host ?? "127.0.0.1", "--port", connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        if (!string.IsNullOrEmpty(connection.Username))
        {
            start.ArgumentList.Add("--username");
            start.ArgumentList.Add(connection.Username);
        }

        start.ArgumentList.Add("--no-password"); // never prompt: PGPASSWORD or ~/.pgpass
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (!string.IsNullOrEmpty(connection.Password))
        {
            start.Environment["PGPASSWORD"] = connection.Password;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        await output;
        return (process.ExitCode, (await error).Trim());
    }
}
