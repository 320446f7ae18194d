using System.Diagnostics;
using KapClinic.DataGenerator.Planning;
using KapClinic.DataGenerator.Writing;
using Npgsql;

namespace KapClinic.DataGenerator;

/// <summary>
/// Fills a database with a large clinic's realistic, internally consistent history (README, "Scale data"). The users go
/// through the real user service; everything else is planned in memory and written with binary COPY in one transaction,
/// so a failed run leaves nothing half-written, and the database is marked as generated only when it commits.
/// </summary>
public static class ScaleDataGenerator
{
    public static async Task<GenerationSummary> GenerateAsync(
        string ownerConnectionString,
        ScaleProfile profile,
        GenerateOptions options,
        IProgress<TableProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var database = new NpgsqlConnectionStringBuilder(ownerConnectionString).Database ?? "?";
        await DatabasePreparation.PrepareAsync(ownerConnectionString, cancellationToken);
        var load = new NpgsqlConnectionStringBuilder(ownerConnectionString) { Pooling = false, CommandTimeout = 0 }.ConnectionString;
        await using (var check = new NpgsqlConnection(load))
        {
            await check.OpenAsync(cancellationToken);
            var scale = await DatabasePreparation.GeneratedScaleAsync(check, cancellationToken);
            if (scale == profile.Name)
            {
                return new GenerationSummary(GenerationOutcome.AlreadyGenerated, database, profile, new Dictionary<string, long>(), clock.Elapsed);
            }

            if (scale is not null)
            {
                throw new GenerationRefusedException(
                    $"Database {database} already holds generated data of scale '{scale}', not '{profile.Name}'. Use another database (--database NAME) or drop this one.");
            }

            if (!options.Force && await DatabasePreparation.HoldsOtherDataAsync(check, cancellationToken))
            {
                throw new GenerationRefusedException(
                    $"Database {database} already holds data that this generator did not make (patients or users, e.g. the demo data of ./build.sh run). " +
                    "Nothing was written. Use another database (--database NAME), or add --force to add the generated data alongside it.");
            }
        }

        var staff = await GeneratedUserSetup.EnsureAsync(ownerConnectionString, profile, options.Seed, cancellationToken);
        progress?.Report(new TableProgress("users (through the user service)", staff.Clinicians.Length + staff.Staff.Length + 1, 0, clock.Elapsed, true));
        var random = new Random(options.Seed);
        var plan = new Planner(profile, random, options.Today ?? DateOnly.FromDateTime(DateTime.UtcNow)).Plan();
        progress?.Report(new TableProgress("plan", plan.Sessions.Length, plan.Sessions.Length, clock.Elapsed, true));

        await using var connection = new NpgsqlConnection(load);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var context = new GenerationContext { Connection = connection, Plan = plan, Random = random, Staff = staff, Progress = progress, CancellationToken = cancellationToken };
        var restore = await BulkMode.EnterAsync(connection, cancellationToken);
        await WriteTablesAsync(context, profile, options);
        await BulkMode.LeaveAsync(connection, restore, progress, cancellationToken);
        await DatabasePreparation.ExecuteAsync(
            connection, $"COMMENT ON DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\" IS '{DatabasePreparation.Marker(profile, options)}'", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await DatabasePreparation.ExecuteAsync(connection, "ANALYZE", cancellationToken);
        return new GenerationSummary(GenerationOutcome.Generated, database, profile, context.Counts, clock.Elapsed);
    }

    private static async Task WriteTablesAsync(GenerationContext context, ScaleProfile profile, GenerateOptions options)
    {
        var ct = context.CancellationToken;
        var connection = context.Connection;
        var mrnBase = (int)await DatabasePreparation.ScalarAsync<long>(
            connection, "SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM patient_mrn_seq", ct);
        await ReferenceWriter.WriteAsync(context, profile.Name);
        await PatientWriter.WriteAsync(context, options.Seed, mrnBase);
        await DatabasePreparation.ExecuteAsync(connection, $"SELECT setval('patient_mrn_seq', {mrnBase + context.Plan.Patients.Length})", ct);
        await VisitWriter.WriteAppointmentsAsync(context);
        await MeasureWriter.WriteAsync(context);
        await VisitWriter.WriteNotesAsync(context);
        await DosingWriter.WriteSessionsAsync(context);
        await VisitWriter.WritePreparationAsync(context);
        await VisitWriter.WriteIntegrationAsync(context);
        InventoryWriter.AssignLots(context);
        await InventoryWriter.WriteLotsAsync(context);
        var administrations = await DosingWriter.WriteDosesAsync(context);
        await InventoryWriter.WriteLedgerAsync(context, administrations);
        await VitalsWriter.WriteAsync(context, context.Plan.Sessions.Sum(s => (long)s.Readings));

        // Seal what the user service audited, then continue the chain from its last row.
        await DatabasePreparation.ExecuteAsync(connection, "SELECT kap_audit_seal(2147483647)", ct);
        long lastSeq = 0;
        byte[]? lastHash = null;
        await using (var command = new NpgsqlCommand("SELECT chain_seq, row_hash FROM audit_events WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1", connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            if (await reader.ReadAsync(ct))
            {
                lastSeq = reader.GetInt64(0);
                lastHash = (byte[])reader[1];
            }
        }

        var last = await AuditWriter.WriteAsync(context, profile.AuditEvents, lastSeq, lastHash);
        if (last > 0)
        {
            await DatabasePreparation.ExecuteAsync(connection, $"SELECT setval('audit_events_chain_seq', {last})", ct);
        }
    }
}
