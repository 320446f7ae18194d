using System.Globalization;
using KapClinic.Core.Operations;
using Npgsql;

namespace KapClinic.Web.Infrastructure.Cli;

/// <summary>
/// `backup [--output DIR]` (`./build.sh backup`): pg_dump in custom format of the database of
/// ConnectionStrings:KapClinicOwner (else :KapClinic) into DIR/kapclinic-YYYYMMDD-HHMMSS.dump, and beside it the
/// manifest (<see cref="BackupManifest"/>). The dump and the manifest read one exported snapshot, so the manifest
/// describes exactly what the dump holds even while the app keeps writing. Exit codes: 0 written, 1 failed, 2 bad input.
/// </summary>
public static class BackupCommand
{
    public const string Name = "backup";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (!(args.Count == 0 || (args.Count == 2 && args[0] == "--output")))
        {
            await error.WriteLineAsync($"Usage: {Name} [--output DIR]   (default: ./backups)");
            return 2;
        }

        var directory = args.Count == 2 ? args[1] : "backups";
        var time = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var dump = Path.GetFullPath(Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"kapclinic-{time:yyyyMMdd-HHmmss}.dump")));
        try
        {
            Directory.CreateDirectory(directory);
            var manifest = await BackupAsync(OwnerConnectionString(services), dump, time, cancellationToken);
            await output.WriteLineAsync(dump);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Backed up {manifest.Tables.Count} tables, {manifest.Tables.Sum(t => t.Rows)} rows; manifest {BackupManifest.PathFor(dump)}"));
            return 0;
        }
        catch (Exception ex) when (ex is NpgsqlException or IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Backup failed: {ex.Message}");
            return 1;
        }
    }

    /// <summary>Dumps the database into <paramref name="dumpFile"/> and writes its manifest beside it.</summary>
    public static async Task<BackupManifest> BackupAsync(string connectionString, string dumpFile, DateTimeOffset takenAt, CancellationToken cancellationToken = default)
    {
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(unpooled.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var snapshot = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        string snapshotId;
        await using (var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, snapshot))
        {
            snapshotId = (string)(await export.ExecuteScalarAsync(cancellationToken))!;
        }

        var dumping = PostgresTools.RunAsync("pg_dump", connectionString,
            ["--format=custom", "--snapshot=" + snapshotId, "--file=" + dumpFile, "--dbname=" + unpooled.Database], cancellationToken);
        var tables = await DatabaseFingerprints.ComputeAsync(connection, cancellationToken);
        var (exitCode, message) = await dumping;
        await snapshot.CommitAsync(cancellationToken);
        if (exitCode != 0)
        {
            File.Delete(dumpFile);
            throw new InvalidOperationException($"pg_dump exited with {exitCode}: {message}");
        }

        var manifest = new BackupManifest(takenAt, unpooled.Database ?? string.Empty, connection.PostgreSqlVersion.ToString(), tables);
        await manifest.WriteAsync(BackupManifest.PathFor(dumpFile), cancellationToken);
        return manifest;
    }

    /// <summary>The owner's connection when configured (it can read every table and create databases), else the app's.</summary>
    public static string OwnerConnectionString(IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        return configuration.GetConnectionString("KapClinicOwner") is { Length: > 0 } owner
            ? owner
            : configuration.GetConnectionString("KapClinic")!;
    }
}
