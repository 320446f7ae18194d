using KapClinic.Core.Data;
using KapClinic.Core.Operations;
using Npgsql;

namespace KapClinic.Web.Infrastructure.Cli;

/// <summary>
/// `verify-restore MANIFEST`: checks the database of ConnectionStrings:KapClinicOwner (else :KapClinic), typically one
/// just restored, against a backup's manifest: every table's row count and content hash must equal the manifest's,
/// then the audit hash chain is sealed and verified as `verify-audit` does. Exit codes: 0 equal and intact,
/// 1 a difference or a broken chain (each is printed), 2 bad input.
/// </summary>
public static class VerifyRestoreCommand
{
    public const string Name = "verify-restore";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (args.Count != 1 || !File.Exists(args[0]))
        {
            await error.WriteLineAsync($"Usage: {Name} MANIFEST   (the .manifest.json beside a backup)");
            return 2;
        }

        var manifest = await BackupManifest.ReadAsync(args[0], cancellationToken);
        return await VerifyAsync(BackupCommand.OwnerConnectionString(services), manifest, output, cancellationToken);
    }

    /// <summary>Compares the database with the manifest and verifies its audit chain; prints what it finds.</summary>
    public static async Task<int> VerifyAsync(string connectionString, BackupManifest manifest, TextWriter output, CancellationToken cancellationToken = default)
    {
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
        IReadOnlyList<TableFingerprint> tables;
        await using (var connection = new NpgsqlConnection(unpooled))
        {
            await connection.OpenAsync(cancellationToken);
            tables = await DatabaseFingerprints.ComputeAsync(connection, cancellationToken);
        }

        var differences = manifest.Differences(tables);
        foreach (var difference in differences)
        {
            await output.WriteLineAsync("DIFFERENT: " + difference);
        }

        await output.WriteLineAsync(differences.Count == 0
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"All {tables.Count} tables match the backup's row counts and content hashes ({tables.Sum(t => t.Rows)} rows).")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The database does NOT match the backup: {differences.Count} table(s) differ."));

        // Sealing writes only chain columns of rows not yet sealed, after the comparison above.
        await using var core = new ServiceCollection().AddLogging().AddKapClinicCore(unpooled).BuildServiceProvider();
        var audit = await VerifyAuditCommand.RunAsync(core, output, cancellationToken);
        var ok = differences.Count == 0 && audit == 0;
        await output.WriteLineAsync(ok ? "Restore verified." : "Restore verification FAILED.");
        return ok ? 0 : 1;
    }
}
