using KapClinic.Core.Auditing;
using KapClinic.Core.Operations;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Infrastructure.Cli;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KapClinic.Web.Tests.Infrastructure.Operations;

/// <summary>
/// The real round trip with pg_dump and pg_restore: data in a database, `backup`, `restore` into a new database,
/// verification against the manifest (row counts, content hashes, audit chain); a tampered row fails it.
/// </summary>
public sealed class BackupRestoreTests(AppFixture fixture) : IClassFixture<AppFixture>, IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("kapclinic-backup-test-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task A_backup_restores_into_a_new_database_that_verifies_equal_and_a_tampered_row_fails_verification()
    {
        var dump = await BackupWithDataAsync();
        var manifest = await BackupManifest.ReadAsync(BackupManifest.PathFor(dump));
        Assert.Contains(manifest.Tables, t => t.Table == "patients" && t.Rows == 1);
        Assert.Contains(manifest.Tables, t => t.Table == "audit_events" && t.Rows > 0);

        var restored = NewDatabaseName();
        var (code, output, error) = await RestoreAsync(dump, restored);
        Assert.True(code == 0, output + error);
        Assert.Contains("tables match the backup", output, StringComparison.Ordinal);
        Assert.Contains("Audit chain intact.", output, StringComparison.Ordinal);
        Assert.Contains("Restore verified.", output, StringComparison.Ordinal);

        var restoredConnection = Server(restored);
        await ExecuteAsync(restoredConnection, "UPDATE patients SET legal_last_name = 'Tampered'");
        var tampered = new StringWriter();
        Assert.Equal(1, await VerifyRestoreCommand.VerifyAsync(restoredConnection, manifest, tampered));
        Assert.Contains("table patients has the same row count but different content", tampered.ToString(), StringComparison.Ordinal);
        Assert.Contains("Restore verification FAILED.", tampered.ToString(), StringComparison.Ordinal);

        await ExecuteAsync(restoredConnection, "DELETE FROM patients");
        tampered = new StringWriter();
        Assert.Equal(1, await VerifyRestoreCommand.VerifyAsync(restoredConnection, manifest, tampered));
        Assert.Contains("table patients has 0 rows, the backup had 1", tampered.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_refuses_to_overwrite_an_existing_database()
    {
        var dump = await BackupWithDataAsync();
        var existing = new NpgsqlConnectionStringBuilder(fixture.Factory.ConnectionString).Database!;

        var (code, _, error) = await RestoreAsync(dump, existing);

        Assert.Equal(2, code);
        Assert.Contains($"Database {existing} already exists", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_audit_chain_in_the_restored_database_fails_verification()
    {
        var dump = await BackupWithDataAsync();
        var restored = NewDatabaseName();
        Assert.Equal(0, (await RestoreAsync(dump, restored)).Code);

        // A superuser removes one sealed audit row behind the triggers' back, then fixes up the manifest's counts:
        // the table comparison alone would pass, the hash chain does not.
        await ExecuteAsync(Server(restored), """
            ALTER TABLE audit_events DISABLE TRIGGER USER;
            DELETE FROM audit_events WHERE chain_seq = (SELECT min(chain_seq) FROM audit_events);
            ALTER TABLE audit_events ENABLE TRIGGER USER;
            """);
        var manifest = await BackupManifest.ReadAsync(BackupManifest.PathFor(dump));
        var forged = manifest with { Tables = await FingerprintsAsync(Server(restored)) };
        var output = new StringWriter();

        Assert.Equal(1, await VerifyRestoreCommand.VerifyAsync(Server(restored), forged, output));
        Assert.Contains("Audit chain BROKEN", output.ToString(), StringComparison.Ordinal);
    }

    private async Task<string> BackupWithDataAsync()
    {
        if (!await HasPatientAsync())
        {
            await TestUsers.CreateAsync(fixture.Factory, ClinicRoles.Clinician, $"backup-{Guid.NewGuid():N}@clinic.test");
            await Patients.TestPatients.CreateAsync(fixture.Factory, "Backed", "Up");
            await using var scope = fixture.Factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AuditChain>().SealAsync();
        }

        var output = new StringWriter();
        var error = new StringWriter();
        var target = Path.Combine(directory, Guid.NewGuid().ToString("N"));
        Assert.True(await BackupCommand.RunAsync(fixture.Factory.Services, ["--output", target], output, error) == 0, error.ToString());
        var dump = Assert.Single(Directory.GetFiles(target, "kapclinic-*.dump"));
        Assert.True(File.Exists(BackupManifest.PathFor(dump)));
        return dump;
    }

    private async Task<(int Code, string Output, string Error)> RestoreAsync(string dump, string database)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await RestoreCommand.RunAsync(fixture.Factory.Services, [dump, "--database", database], output, error);
        return (code, output.ToString(), error.ToString());
    }

    private async Task<bool> HasPatientAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.Factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM patients)", connection);
        return await command.ExecuteScalarAsync() is true;
    }

    private static string NewDatabaseName() => $"restored_{Guid.NewGuid():N}";

    private string Server(string database) =>
        new NpgsqlConnectionStringBuilder(fixture.Factory.ConnectionString) { Database = database, Pooling = false }.ConnectionString;

    private static async Task<IReadOnlyList<TableFingerprint>> FingerprintsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return await DatabaseFingerprints.ComputeAsync(connection);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
