using System.Globalization;
using System.Text.RegularExpressions;
using KapClinic.Core.Operations;
using Npgsql;

namespace KapClinic.Web.Infrastructure.Cli;

/// <summary>
/// `restore FILE [--database NAME]` (`./build.sh restore`): creates a NEW database (default
/// kapclinic_restore_YYYYMMDD_HHMMSS) on the server of ConnectionStrings:KapClinicOwner (else :KapClinic), restores
/// the dump into it with pg_restore (--no-owner: the connecting owner role owns everything; grants to kapclinic_app
/// are kept, so that role must exist; one transaction, stop at the first error), then runs
/// <see cref="VerifyRestoreCommand"/> against the manifest beside the dump. It never touches an existing database.
/// Exit codes: 0 restored and verified, 1 restore or verification failed, 2 bad input or the database exists.
/// </summary>
public static partial class RestoreCommand
{
    public const string Name = "restore";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var time = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var database = string.Create(CultureInfo.InvariantCulture, $"kapclinic_restore_{time:yyyyMMdd_HHmmss}");
        if (args.Count == 3 && args[1] == "--database")
        {
            database = args[2];
        }
        else if (args.Count != 1)
        {
            await error.WriteLineAsync($"Usage: {Name} FILE [--database NAME]   (NAME must not exist yet)");
            return 2;
        }

        try
        {
            return await RestoreAsync(BackupCommand.OwnerConnectionString(services), args[0], database, output, error, cancellationToken);
        }
        catch (NpgsqlException ex)
        {
            await error.WriteLineAsync($"Restore failed: {ex.Message}");
            return 1;
        }
    }

    /// <summary>Restores <paramref name="dumpFile"/> into the new database <paramref name="database"/> and verifies it.</summary>
    public static async Task<int> RestoreAsync(string connectionString, string dumpFile, string database, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var manifestFile = BackupManifest.PathFor(dumpFile);
        if (!File.Exists(dumpFile) || !File.Exists(manifestFile))
        {
            await error.WriteLineAsync($"{dumpFile} or its manifest {manifestFile} does not exist.");
            return 2;
        }

        if (!DatabaseName().IsMatch(database))
        {
            await error.WriteLineAsync($"'{database}' is not a plain database name (letters, digits and _, at most 63, not starting with a digit).");
            return 2;
        }

        var manifest = await BackupManifest.ReadAsync(manifestFile, cancellationToken);
        var server = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @name)", connection);
            exists.Parameters.AddWithValue("name", database);
            if (await exists.ExecuteScalarAsync(cancellationToken) is true)
            {
                await error.WriteLineAsync($"Database {database} already exists: restore never overwrites a database. Choose another name with --database.");
                return 2;
            }

            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await output.WriteLineAsync($"Restoring {dumpFile} into the new database {database}");
        var (exitCode, message) = await PostgresTools.RunAsync("pg_restore", connectionString,
            ["--no-owner", "--exit-on-error", "--single-transaction", "--dbname=" + database, dumpFile], cancellationToken);
        if (exitCode != 0)
        {
            await error.WriteLineAsync($"pg_restore exited with {exitCode}: {message}");
            await error.WriteLineAsync($"Nothing was restored (one transaction); the empty database {database} is left for inspection: DROP DATABASE \"{database}\" to retry with that name.");
            return 1;
        }

        server.Database = database;
        return await VerifyRestoreCommand.VerifyAsync(server.ConnectionString, manifest, output, cancellationToken);
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();
}
