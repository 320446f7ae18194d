using System.Globalization;
using KapClinic.Core.Data;
using Npgsql;

namespace KapClinic.DataGenerator;

/// <summary>
/// Creates the database when missing, makes sure the app role exists (as build.sh does for the dev cluster), migrates as
/// the owner, and reads and writes the marker that says a database holds generated data: its COMMENT (COMMENT ON DATABASE
/// survives restarts and is set in the same transaction as the data, so a failed run leaves no marker).
/// </summary>
internal static class DatabasePreparation
{
    public const string MarkerPrefix = "kapclinic-scale-data";

    public static async Task PrepareAsync(string ownerConnectionString, CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(ownerConnectionString);
        var database = target.Database ?? throw new ArgumentException("The connection string names no database.", nameof(ownerConnectionString));
        var server = new NpgsqlConnectionStringBuilder(ownerConnectionString) { Database = "postgres", Pooling = false };
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            var exists = await ScalarAsync<bool>(connection, $"SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = '{database.Replace("'", "''", StringComparison.Ordinal)}')", cancellationToken);
            if (!exists)
            {
                await ExecuteAsync(connection, $"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", cancellationToken);
            }

            await ExecuteAsync(
                connection,
                // ALTER only when needed: two generators altering the role at once fail with "tuple concurrently updated".
                $"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{AppRoleSql.AppRole}') THEN CREATE ROLE {AppRoleSql.AppRole} LOGIN; "
                + $"ELSIF NOT (SELECT rolcanlogin FROM pg_roles WHERE rolname = '{AppRoleSql.AppRole}') THEN ALTER ROLE {AppRoleSql.AppRole} LOGIN; END IF; "
                + "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$",
                cancellationToken);
        }

        await DatabaseMigrator.MigrateAsOwnerAsync(ownerConnectionString, cancellationToken);
    }

    /// <summary>The scale name in the database's marker, or null when the database was not generated.</summary>
    public static async Task<string?> GeneratedScaleAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var comment = await ScalarAsync<string?>(
            connection, "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = current_database()", cancellationToken);
        if (comment is null || !comment.StartsWith(MarkerPrefix + " ", StringComparison.Ordinal))
        {
            return null;
        }

        var scale = comment.Split(' ').FirstOrDefault(p => p.StartsWith("scale=", StringComparison.Ordinal));
        return scale?["scale=".Length..];
    }

    public static string Marker(ScaleProfile profile, GenerateOptions options) => string.Create(
        CultureInfo.InvariantCulture,
        $"{MarkerPrefix} v1 scale={profile.Name} seed={options.Seed} patients={profile.Patients} (made by ./build.sh seed; not clinical data)");

    /// <summary>Patients, or users other than the generator's own: data someone else put there (e.g. the demo data).</summary>
    public static Task<bool> HoldsOtherDataAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        ScalarAsync<bool>(
            connection,
            "SELECT EXISTS (SELECT 1 FROM patients) OR EXISTS (SELECT 1 FROM users WHERE email NOT ILIKE 'load.%@kapclinic.test')",
            cancellationToken);

    public static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull or null ? default! : (T)value;
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
