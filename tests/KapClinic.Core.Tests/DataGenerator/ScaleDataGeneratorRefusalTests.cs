using KapClinic.DataGenerator;
using KapClinic.TestSupport;
using Npgsql;

namespace KapClinic.Core.Tests.DataGenerator;

public sealed class ScaleDataGeneratorRefusalTests
{
    [Fact]
    public async Task A_database_with_patients_it_did_not_make_is_refused_and_left_untouched()
    {
        var server = await PostgresServer.InstanceAsync();
        var connectionString = await server.CreateDatabaseAsync("scalerefusal");
        await ExecuteAsync(connectionString, """
            INSERT INTO patients (id, legal_first_name, legal_last_name, date_of_birth, sex_at_birth, status, is_archived, created_at)
            VALUES (gen_random_uuid(), 'Real', 'Patient', '1980-01-01', 'Female', 'Active', false, now())
            """);

        var ex = await Assert.ThrowsAsync<GenerationRefusedException>(
            () => ScaleDataGenerator.GenerateAsync(connectionString, ScaleProfile.Tiny(), new GenerateOptions()));

        Assert.Contains("--force", ex.Message, StringComparison.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT (SELECT count(*) FROM patients) + (SELECT count(*) FROM users)", connection);
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
