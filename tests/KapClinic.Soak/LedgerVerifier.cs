using Npgsql;

namespace KapClinic.Soak;

/// <summary>Counts, through the owner's connection, the rows that carry each marker the ledger holds (one query per kind).</summary>
public static class LedgerVerifier
{
    private static readonly Dictionary<WriteKind, string> Queries = new()
    {
        [WriteKind.VitalsReading] = "SELECT comment, count(*) FROM vitals_readings WHERE comment = ANY(@markers) GROUP BY comment",
        [WriteKind.SignedNote] = "SELECT data, count(*) FROM preparation_sessions WHERE data = ANY(@markers) GROUP BY data",
        [WriteKind.Appointment] =
            "SELECT m, count(*) FROM (SELECT patient_id::text || '|' || clinician_id::text || '|' || " +
            "to_char(starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI') AS m FROM appointments) a WHERE m = ANY(@markers) GROUP BY m",
    };

    public static async Task<IReadOnlyDictionary<(WriteKind Kind, string Marker), int>> CountAsync(
        string ownerConnectionString, AckLedger ledger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var rows = new Dictionary<(WriteKind Kind, string Marker), int>();
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(cancellationToken);
        foreach (var (kind, sql) in Queries)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("markers", ledger.Markers(kind).ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows[(kind, reader.GetString(0))] = (int)reader.GetInt64(1);
            }
        }

        return rows;
    }
}
