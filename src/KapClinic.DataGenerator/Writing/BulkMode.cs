using Npgsql;

namespace KapClinic.DataGenerator.Writing;

/// <summary>
/// Inside the load's one transaction: row triggers off (the data is consistent by construction, and the triggers would refuse
/// child rows of signed notes), the secondary indexes and the appointments' exclusion constraints dropped and re-created
/// from their own definitions afterwards (re-adding the exclusion constraints also proves no double-booking). All of it is
/// transactional: a failed run leaves the schema exactly as migrated.
/// </summary>
internal static class BulkMode
{
    public static readonly string[] Tables =
    [
        "patients", "treatment_courses", "appointments", "clinical_notes", "dosing_sessions", "preparation_sessions", "integration_notes",
        "measure_responses", "dose_administrations", "vitals_readings", "inventory_lots", "inventory_ledger", "audit_events",
    ];

    public static async Task<List<string>> EnterAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var restore = new List<string>();
        var superuser = await DatabasePreparation.ScalarAsync<bool>(connection, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user", cancellationToken);
        if (superuser)
        {
            await DatabasePreparation.ExecuteAsync(connection, "SET LOCAL session_replication_role = replica", cancellationToken);
        }
        else
        {
            foreach (var table in Tables)
            {
                await DatabasePreparation.ExecuteAsync(connection, $"ALTER TABLE {table} DISABLE TRIGGER USER", cancellationToken);
                restore.Add($"ALTER TABLE {table} ENABLE TRIGGER USER");
            }
        }

        var list = string.Join(",", Tables.Select(t => $"'{t}'"));
        var constraints = new List<(string Table, string Name, string Definition)>();
        await using (var command = new NpgsqlCommand(
            $"SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'x' AND conrelid::regclass::text IN ({list}) ORDER BY conname",
            connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                constraints.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        var indexes = new List<(string Name, string Definition)>();
        await using (var command = new NpgsqlCommand(
            $"SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i WHERE i.indrelid::regclass::text IN ({list}) " +
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid) ORDER BY 1",
            connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (table, name, _) in constraints)
        {
            await DatabasePreparation.ExecuteAsync(connection, $"ALTER TABLE {table} DROP CONSTRAINT {name}", cancellationToken);
        }

        foreach (var (name, _) in indexes)
        {
            await DatabasePreparation.ExecuteAsync(connection, $"DROP INDEX {name}", cancellationToken);
        }

        restore.InsertRange(0, indexes.Select(i => i.Definition));
        restore.InsertRange(indexes.Count, constraints.Select(c => $"ALTER TABLE {c.Table} ADD CONSTRAINT {c.Name} {c.Definition}"));
        return restore;
    }

    public static async Task LeaveAsync(NpgsqlConnection connection, List<string> restore, IProgress<TableProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var done = 0;
        await DatabasePreparation.ExecuteAsync(connection, "SET LOCAL maintenance_work_mem = '512MB'", cancellationToken);
        foreach (var sql in restore)
        {
            await DatabasePreparation.ExecuteAsync(connection, sql, cancellationToken);
            progress?.Report(new TableProgress("indexes and constraints", ++done, restore.Count, clock.Elapsed, done == restore.Count));
        }
    }
}
