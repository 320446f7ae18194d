using Npgsql;

namespace KapClinic.Bench.Data;

/// <summary>
/// The add-a-reading scenario needs a dosing session in progress (a draft, not discharged); a generated history may
/// hold none. This copies the latest signed session as a draft that started 20 minutes ago, once (later runs find it).
/// </summary>
public static class OpenSessionFixture
{
    private const string Copy = """
        CREATE TEMP TABLE bench_note ON COMMIT DROP AS
          SELECT n.* FROM clinical_notes n JOIN dosing_sessions ds ON ds.id = n.id WHERE n.status = 'Signed' ORDER BY n.occurred_at DESC, n.id LIMIT 1;
        CREATE TEMP TABLE bench_session ON COMMIT DROP AS SELECT ds.* FROM dosing_sessions ds JOIN bench_note n ON n.id = ds.id;
        UPDATE bench_note SET id = @id, status = 'Draft', signed_by = NULL, signer_name = NULL, signer_credentials = NULL, signed_at = NULL,
          signature_meaning = NULL, content_hash = NULL, occurred_at = now() - interval '20 minutes', created_at = now(), updated_at = now();
        UPDATE bench_session SET id = @id, appointment_id = NULL, discharged_at = NULL, discharged_with = NULL, ready_to_leave_at = NULL,
          dose_withheld_reason = NULL, discharge_vitals_near_baseline = false, discharge_alert_and_oriented = false, discharge_walking_steadily = false,
          discharge_nausea_controlled = false, discharge_responsible_adult_present = false, discharge_instructions_given = false;
        INSERT INTO clinical_notes SELECT * FROM bench_note;
        INSERT INTO dosing_sessions SELECT * FROM bench_session;
        """;

    public static async Task CreateAsync(string ownerConnectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Copy, connection, transaction);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7());
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
