using Npgsql;

namespace KapClinic.Web.Tests.Security.Support;

/// <summary>Row counts of every table in the database, read from information_schema (so new tables are counted too).</summary>
public static class TableCounts
{
    // Changed by reading, by design: views of records are audited; the sign-in session and key tables (if any) are
    // touched by every request. Nothing else may change on a GET.
    private static readonly string[] ChangedByReading = ["audit_events", "data_protection_keys", "user_sessions"];

    public static async Task<Dictionary<string, long>> ReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counted = tables.Where(t => !ChangedByReading.Contains(t)).ToList();
        var sql = string.Join(" UNION ALL ", counted.Select(t => $"SELECT '{t}', count(*) FROM \"{t}\""));
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var rows = await command.ExecuteReaderAsync();
        while (await rows.ReadAsync())
        {
            counts[rows.GetString(0)] = rows.GetInt64(1);
        }

        return counts;
    }

    public static IEnumerable<string> Differences(Dictionary<string, long> before, Dictionary<string, long> after) =>
        after.Where(a => !before.TryGetValue(a.Key, out var b) || b != a.Value)
            .Select(a => $"{a.Key}: {(before.TryGetValue(a.Key, out var b) ? b : 0)} -> {a.Value}");
}
