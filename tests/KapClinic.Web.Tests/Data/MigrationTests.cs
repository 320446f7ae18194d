using KapClinic.Core.Auditing;
using KapClinic.Core.Data;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace KapClinic.Web.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrations_apply_to_an_empty_database()
    {
        var server = await PostgresServer.InstanceAsync();
        var connectionString = await server.CreateEmptyDatabaseAsync("migrate");
        await using var db = NewContext(connectionString);

        await DatabaseMigrator.MigrateAsync(db);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(3, await db.Roles.CountAsync());
        var tables = await db.Database.SqlQuery<string>(
            $"SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'").ToListAsync();
        Assert.Contains("users", tables);
        Assert.Contains("audit_events", tables);
        Assert.Contains("clinic_settings", tables);
    }

    [Fact]
    public async Task Database_refuses_to_update_or_delete_an_audit_row()
    {
        var server = await PostgresServer.InstanceAsync();
        await using var db = NewContext(await server.CreateDatabaseAsync("auditappendonly"));
        db.AuditEvents.Add(new AuditEvent(DateTimeOffset.UtcNow, "Test.Event", AuditOutcome.Success, null, "127.0.0.1"));
        await db.SaveChangesAsync();

        var update = await Assert.ThrowsAsync<PostgresException>(() =>
            db.Database.ExecuteSqlRawAsync("UPDATE audit_events SET action = 'Tampered'"));
        var delete = await Assert.ThrowsAsync<PostgresException>(() =>
            db.Database.ExecuteSqlRawAsync("DELETE FROM audit_events"));
        var truncate = await Assert.ThrowsAsync<PostgresException>(() =>
            db.Database.ExecuteSqlRawAsync("TRUNCATE audit_events"));

        Assert.All([update, delete, truncate], e => Assert.Contains("append-only", e.MessageText, StringComparison.Ordinal));
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == "Test.Event"));
    }

    [Fact]
    public async Task Concurrency_tokens_use_xmin_and_create_no_column()
    {
        var server = await PostgresServer.InstanceAsync();
        await using var db = NewContext(await server.CreateDatabaseAsync("xmin"));
        var columns = await db.Database.SqlQuery<string>(
            $"SELECT column_name AS \"Value\" FROM information_schema.columns WHERE table_name = 'clinic_settings'").ToListAsync();

        Assert.DoesNotContain("xmin", columns);
        Assert.DoesNotContain("version", columns);
    }

    [Fact]
    public async Task Mrns_keep_at_least_six_digits_and_never_truncate_past_a_million()
    {
        var server = await PostgresServer.InstanceAsync();
        await using var db = NewContext(await server.CreateDatabaseAsync("mrn"));

        var first = await db.Database.SqlQuery<string>($"SELECT kap_next_mrn() AS \"Value\"").SingleAsync();
        await db.Database.ExecuteSqlRawAsync("SELECT setval('patient_mrn_seq', 999999)");
        var millionth = await db.Database.SqlQuery<string>($"SELECT kap_next_mrn() AS \"Value\"").SingleAsync();

        Assert.Equal("KAP-000001", first);
        Assert.Equal("KAP-1000000", millionth);
    }

    /// <summary>What `./build.sh sql` prints, for operators who migrate by hand: it must apply, and applying it again must do nothing.</summary>
    [Fact]
    public async Task The_idempotent_migration_script_applies_to_an_empty_database_and_again_without_error()
    {
        var server = await PostgresServer.InstanceAsync();
        var connectionString = await server.CreateEmptyDatabaseAsync("sqlscript");
        await using var db = NewContext(connectionString);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await new NpgsqlCommand(script, connection).ExecuteNonQueryAsync();
        await new NpgsqlCommand(script, connection).ExecuteNonQueryAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0L, await new NpgsqlCommand("SELECT count(*) FROM kap_audit_verify()", connection).ExecuteScalarAsync());
    }

    private static KapClinicDbContext NewContext(string connectionString) =>
        new(new DbContextOptionsBuilder<KapClinicDbContext>()
            .UseNpgsql(connectionString)
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(new AuditingInterceptor(TimeProvider.System))
            .Options);
}
