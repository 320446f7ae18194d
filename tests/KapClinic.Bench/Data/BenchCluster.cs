using KapClinic.TestSupport;
using Npgsql;

namespace KapClinic.Bench.Data;

/// <summary>The bench's own PostgreSQL (kept under .data/bench-postgres so the large data set is reused) and its checks.</summary>
public static class BenchCluster
{
    public const string AppRole = "kapclinic_app";

    public static Task<PostgresCluster> StartAsync(string directory) =>
        PostgresCluster.StartAsync(new PostgresClusterOptions
        {
            Directory = directory,
            MaxConnections = 200,
            Settings = new Dictionary<string, string>
            {
                ["shared_buffers"] = "1GB",
                ["effective_cache_size"] = "4GB",
                ["work_mem"] = "32MB",
                ["maintenance_work_mem"] = "512MB",
                ["max_wal_size"] = "4GB",
                ["checkpoint_timeout"] = "30min",
            },
        });

    public static async Task EnsureDatabaseAsync(PostgresCluster cluster, string database)
    {
        await using var connection = new NpgsqlConnection(cluster.AdminConnectionString);
        await connection.OpenAsync();
        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection))
        {
            exists.Parameters.Add(new NpgsqlParameter { Value = database });
            if (await exists.ExecuteScalarAsync() is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
                await create.ExecuteNonQueryAsync();
            }
        }

        await using var role = new NpgsqlCommand(
            $"DO $$ BEGIN CREATE ROLE {AppRole} LOGIN; EXCEPTION WHEN duplicate_object THEN ALTER ROLE {AppRole} LOGIN; END $$", connection);
        await role.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Refuses any server but the one this run started: the connection string must reach a server whose data
    /// directory is the cluster's (so a stray environment variable or a reused port cannot point the load elsewhere).
    /// </summary>
    public static async Task EnsureOwnServerAsync(PostgresCluster cluster, string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Host is not ("127.0.0.1" or "localhost") || builder.Port != cluster.Port)
        {
            throw new InvalidOperationException($"The bench runs only against its own PostgreSQL (127.0.0.1:{cluster.Port}), not {builder.Host}:{builder.Port}.");
        }

        await using var connection = new NpgsqlConnection(cluster.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_setting('data_directory')", connection);
        var directory = (string?)await command.ExecuteScalarAsync();
        if (!string.Equals(Path.GetFullPath(directory ?? string.Empty), Path.GetFullPath(cluster.DataDirectory), StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The server on port {cluster.Port} is not the bench's own (its data directory is {directory}).");
        }
    }

    public static async Task<string> ServerVersionAsync(PostgresCluster cluster)
    {
        await using var connection = new NpgsqlConnection(cluster.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT version()", connection);
        var version = (string?)await command.ExecuteScalarAsync() ?? "unknown";
        var comma = version.IndexOf(',', StringComparison.Ordinal);
        return comma > 0 ? version[..comma] : version;
    }
}
