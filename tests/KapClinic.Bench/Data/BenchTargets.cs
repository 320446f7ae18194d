using Npgsql;

namespace KapClinic.Bench.Data;

/// <summary>What the scenarios read and write, chosen from the data set (whoever generated it).</summary>
public sealed record BenchTargets(
    string SearchTerm,
    Guid ChartPatientId,
    Guid SessionPatientId,
    Guid SessionId,
    int SessionReadings,
    Guid? OpenSessionPatientId,
    Guid? OpenSessionId,
    Guid UserId,
    string TimeZoneId)
{
    /// <summary>A last name shared by about 200 patients (at least 50: the list shows 50 rows).</summary>
    public static async Task<string> SearchTermAsync(string connectionString, CancellationToken cancellationToken) =>
        (string?)await ScalarAsync(connectionString, """
            SELECT lower(split_part(legal_last_name, ' ', 1)) AS word FROM patients WHERE NOT is_archived
            GROUP BY 1 ORDER BY (count(*) < 50), abs(count(*) - 200), 1 LIMIT 1
            """, cancellationToken)
        ?? throw new InvalidOperationException("The data set holds no patients.");

    public static async Task<BenchTargets> FindAsync(BenchDatabase database, CancellationToken cancellationToken)
    {
        var cs = database.OwnerConnectionString;
        var term = await SearchTermAsync(cs, cancellationToken);
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync(cancellationToken);
        Guid sessionId, sessionPatient;
        int readings;
        await using (var command = new NpgsqlCommand("""
            SELECT r.note_id, min(r.patient_id::text)::uuid, count(*)::int FROM vitals_readings r JOIN clinical_notes n ON n.id = r.note_id
            WHERE n.status = 'Signed' GROUP BY r.note_id ORDER BY abs(count(*) - 30), r.note_id LIMIT 1
            """, connection) { CommandTimeout = 300 })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new InvalidOperationException("The data set holds no signed dosing session with readings.");
            }

            (sessionId, sessionPatient, readings) = (reader.GetGuid(0), reader.GetGuid(1), reader.GetInt32(2));
        }

        var (openSession, openPatient) = await OpenSessionAsync(connection, cancellationToken);
        if (openSession is null)
        {
            await OpenSessionFixture.CreateAsync(cs, cancellationToken);
            (openSession, openPatient) = await OpenSessionAsync(connection, cancellationToken);
        }

        var userId = (Guid?)await ScalarAsync(cs, $"SELECT id FROM users WHERE normalized_email = upper('{database.User.Email.Replace("'", "''", StringComparison.Ordinal)}')", cancellationToken)
            ?? throw new InvalidOperationException($"The data set has no user {database.User.Email}.");
        var zone = (string?)await ScalarAsync(cs, "SELECT time_zone_id FROM clinic_settings LIMIT 1", cancellationToken) ?? "UTC";
        return new BenchTargets(term, sessionPatient, sessionPatient, sessionId, readings, openPatient, openSession, userId, zone);
    }

    private static async Task<(Guid? Session, Guid? Patient)> OpenSessionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using (var command = new NpgsqlCommand("""
            SELECT n.id, n.patient_id FROM clinical_notes n JOIN dosing_sessions ds ON ds.id = n.id
            WHERE n.status = 'Draft' AND ds.discharged_at IS NULL AND ds.dose_withheld_reason IS NULL AND n.occurred_at < now()
            ORDER BY n.occurred_at DESC, n.id LIMIT 1
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                return (reader.GetGuid(0), reader.GetGuid(1));
            }
        }

        return (null, null);
    }

    /// <summary>
    /// The latest clinic days whose dosing sessions hold about <paramref name="wanted"/> readings (whole days, so the
    /// nearest total at or above it, or everything there is).
    /// </summary>
    public static async Task<ExportRange> ExportRangeAsync(string connectionString, string timeZoneId, long wanted, CancellationToken cancellationToken)
    {
        var days = new List<(DateOnly Day, long Rows)>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT (n.occurred_at AT TIME ZONE $1)::date AS day, count(*)
            FROM clinical_notes n JOIN dosing_sessions ds ON ds.id = n.id JOIN vitals_readings r ON r.note_id = n.id
            GROUP BY 1 ORDER BY 1 DESC
            """, connection) { CommandTimeout = 300 };
        command.Parameters.Add(new NpgsqlParameter { Value = timeZoneId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            days.Add((DateOnly.FromDateTime(reader.GetDateTime(0)), reader.GetInt64(1)));
        }

        return Pick(days, wanted);
    }

    /// <summary>From the latest day backwards until the rows reach <paramref name="wanted"/>; days must come latest first.</summary>
    public static ExportRange Pick(IReadOnlyList<(DateOnly Day, long Rows)> daysLatestFirst, long wanted)
    {
        ArgumentNullException.ThrowIfNull(daysLatestFirst);
        if (daysLatestFirst.Count == 0)
        {
            throw new InvalidOperationException("The data set holds no vitals readings.");
        }

        long rows = 0;
        var from = daysLatestFirst[0].Day;
        foreach (var (day, count) in daysLatestFirst)
        {
            rows += count;
            from = day;
            if (rows >= wanted)
            {
                break;
            }
        }

        return new ExportRange(from, daysLatestFirst[0].Day, rows);
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }
}
