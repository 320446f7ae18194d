using KapClinic.DataGenerator;
using KapClinic.TestSupport;
using Npgsql;

namespace KapClinic.Core.Tests.DataGenerator;

/// <summary>One tiny generated clinic per test class, with the schema's indexes and constraints as migrated (before generating).</summary>
public sealed class GeneratedClinicFixture : IAsyncLifetime
{
    public const string SchemaQuery = """
        SELECT string_agg(x, E'\n' ORDER BY x) FROM (
            SELECT indexname || ': ' || indexdef AS x FROM pg_indexes WHERE schemaname = 'public'
            UNION ALL SELECT conrelid::regclass::text || '.' || conname || ': ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace
            UNION ALL SELECT tgrelid::regclass::text || '.' || tgname || (CASE WHEN tgenabled = 'O' THEN ' on' ELSE ' off' END) FROM pg_trigger WHERE NOT tgisinternal) s
        """;

    public static ScaleProfile Profile { get; } = ScaleProfile.Tiny();

    public string ConnectionString { get; private set; } = string.Empty;

    public string SchemaBefore { get; private set; } = string.Empty;

    public GenerationSummary Summary { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.InstanceAsync();
        ConnectionString = await server.CreateDatabaseAsync("scaledata");
        SchemaBefore = await ScalarAsync<string>(SchemaQuery);
        Summary = await ScaleDataGenerator.GenerateAsync(ConnectionString, Profile, new GenerateOptions { Today = new DateOnly(2026, 11, 28) });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default! : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
