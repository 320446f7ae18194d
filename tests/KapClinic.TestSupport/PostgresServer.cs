using KapClinic.Core.Auditing;
using KapClinic.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KapClinic.TestSupport;

/// <summary>
/// One real PostgreSQL server per test run. By default a throwaway cluster (initdb into a temp directory, on a
/// free loopback port, stopped and deleted when the test process exits). Set KAPCLINIC_TEST_POSTGRES to an admin
/// connection string (e.g. "Host=127.0.0.1;Port=5432;Username=postgres;Password=...") to use a server you run instead.
/// Each test class gets its own database, copied from a migrated template in a few milliseconds.
/// </summary>
public sealed class PostgresServer
{
    public const string ServerVariable = "KAPCLINIC_TEST_POSTGRES";

    // Per process, so test projects running at once against a shared server do not collide.
    private static readonly string TemplateDatabase = $"kapclinic_template_{Environment.ProcessId}";

    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);
    private static int databaseCounter;

    private readonly string adminConnectionString;

    private PostgresServer(string adminConnectionString) => this.adminConnectionString = adminConnectionString;

    public static Task<PostgresServer> InstanceAsync() => Shared.Value;

    /// <summary>A new database with the current schema (migrated) and no data but the fixed roles.</summary>
    public async Task<string> CreateDatabaseAsync(string purpose)
    {
        var name = $"test_{Sanitize(purpose)}_{Interlocked.Increment(ref databaseCounter)}_{Environment.ProcessId}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE {TemplateDatabase}");
        return ConnectionString(name);
    }

    /// <summary>A new, empty database (no schema at all), e.g. to prove migrations apply from nothing.</summary>
    public async Task<string> CreateEmptyDatabaseAsync(string purpose)
    {
        var name = $"empty_{Sanitize(purpose)}_{Interlocked.Increment(ref databaseCounter)}_{Environment.ProcessId}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = database }.ConnectionString;

    private static async Task<PostgresServer> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ServerVariable);
        var server = new PostgresServer(string.IsNullOrWhiteSpace(configured) ? (await PostgresCluster.StartAsync()).AdminConnectionString : configured);
        await server.CreateTemplateAsync();
        return server;
    }

    private async Task CreateTemplateAsync()
    {
        await ExecuteAsync($"DROP DATABASE IF EXISTS {TemplateDatabase}");
        await ExecuteAsync($"CREATE DATABASE {TemplateDatabase}");

        // No pooling: CREATE DATABASE ... TEMPLATE refuses while any session is connected to the template.
        var connection = new NpgsqlConnectionStringBuilder(ConnectionString(TemplateDatabase)) { Pooling = false }.ConnectionString;
        var options = new DbContextOptionsBuilder<KapClinicDbContext>()
            .UseNpgsql(connection)
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(new AuditingInterceptor(TimeProvider.System))
            .Options;
        await using var db = new KapClinicDbContext(options);
        await DatabaseMigrator.MigrateAsync(db);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string Sanitize(string purpose) =>
        new string(purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(30).ToArray());
}
