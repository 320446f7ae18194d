using System.Text;
using Npgsql;

namespace KapClinic.Core.Operations;

/// <summary>
/// Row counts and content hashes of every table in the public schema, computed in PostgreSQL: for each table
/// md5(string_agg(md5(row::text) ORDER BY primary key)). The session's output settings are pinned first (UTC, ISO
/// dates, hex bytea, shortest exact floats) so the same rows give the same hash on any server and connection.
/// </summary>
public static class DatabaseFingerprints
{
    private const string PinOutput =
        "SET TIME ZONE 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'; SET bytea_output = 'hex'; SET extra_float_digits = 1";

    // Tables of the public schema with their primary-key columns, quoted, in key order ('' when there is no key).
    private const string TablesSql = """
        SELECT c.oid::regclass::text,
               coalesce((SELECT string_agg('t.' || quote_ident(a.attname), ', ' ORDER BY k.ord)
                           FROM pg_index i
                           CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
                           JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                          WHERE i.indrelid = c.oid AND i.indisprimary), '')
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
         ORDER BY 1
        """;

    /// <summary>Fingerprints every table, on the connection as it is (inside the caller's transaction, if any).</summary>
    public static async Task<IReadOnlyList<TableFingerprint>> ComputeAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        await ExecuteAsync(connection, PinOutput, cancellationToken);
        var tables = new List<(string Name, string Key)>();
        await using (var list = new NpgsqlCommand(TablesSql, connection))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var fingerprints = new List<TableFingerprint>(tables.Count);
        foreach (var (name, key) in tables)
        {
            // Names come from the catalogue, already quoted by regclass's output; nothing here comes from a user.
            var order = key.Length > 0 ? key : "t::text";
            var sql = new StringBuilder()
                .Append("SELECT count(*), md5(coalesce(string_agg(md5(t::text), '' ORDER BY ").Append(order).Append("), '')) FROM ")
                .Append(name).Append(" AS t").ToString();
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            fingerprints.Add(new TableFingerprint(name, reader.GetInt64(0), reader.GetString(1)));
        }

        return fingerprints;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
