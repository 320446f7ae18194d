using System.Globalization;
using KapClinic.Core.Demo;
using KapClinic.LoadSupport;
using KapClinic.TestSupport;
using Npgsql;

namespace KapClinic.Bench.Data;

/// <summary>
/// Stand-in until the scale generator (src/KapClinic.DataGenerator) is merged: the app's own demo data (seeded by
/// starting the app once in Development), padded with SQL to the scale's patient count, a signed session with 30
/// readings and bulk vitals readings for the export. Not realistic history: only the shapes the scenarios read.
/// </summary>
public sealed class InterimBenchData(string resultsDirectory) : IBenchData
{
    public string Description => "interim data (demo seed padded with SQL; the scale generator was not merged yet)";

    public async Task<BenchDatabase> EnsureAsync(PostgresCluster cluster, string database, BenchScale scale, bool force, CancellationToken cancellationToken)
    {
        var (patients, readings) = scale == BenchScale.Large ? (100_000, 1_200_000) : (1_000, 20_000);
        await BenchCluster.EnsureDatabaseAsync(cluster, database);
        var owner = cluster.ConnectionString(database);
        var app = cluster.ConnectionString(database, BenchCluster.AppRole);
        if (await ScalarAsync(owner, "SELECT to_regclass('users') IS NOT NULL", cancellationToken) is not true
            || await ScalarAsync(owner, "SELECT EXISTS (SELECT 1 FROM users)", cancellationToken) is not true)
        {
            Console.WriteLine($"    {database}: seeding the demo data (the app, once, in Development)");
            await using var seeding = AppProcess.Start(new AppProcessOptions
            {
                ConnectionString = app,
                OwnerConnectionString = owner,
                Environment = "Development",
                LogFile = Path.Combine(resultsDirectory, $"seed-{database}.log"),
                Settings = new Dictionary<string, string> { ["Startup:SeedDemoData"] = "true" },
            });
            await seeding.WaitUntilReadyAsync(TimeSpan.FromMinutes(5), cancellationToken);
        }

        var have = Convert.ToInt32(await ScalarAsync(owner, "SELECT count(*) FROM patients", cancellationToken), CultureInfo.InvariantCulture);
        if (have < patients)
        {
            Console.WriteLine($"    {database}: adding {patients - have:#,0} patients");
            await ExecuteAsync(owner, PadPatients(patients - have), cancellationToken);
        }

        await ExecuteAsync(owner, ThirtyReadings, cancellationToken);
        var vitals = Convert.ToInt64(await ScalarAsync(owner, "SELECT count(*) FROM vitals_readings", cancellationToken), CultureInfo.InvariantCulture);
        if (vitals < readings)
        {
            Console.WriteLine($"    {database}: adding {readings - vitals:#,0} vitals readings");
            await ExecuteAsync(owner, PadReadings(readings - vitals), cancellationToken);
        }

        await ExecuteAsync(owner, "ANALYZE", cancellationToken);
        var email = DemoSeeder.PrescriberEmail;
        return new BenchDatabase(database, owner, app, new BenchUser(email, DemoSeeder.Password, DemoSeeder.MfaSecretFor(email)));
    }

    private static string PadPatients(int count) => $$"""
        SET session_replication_role = replica;
        INSERT INTO patients (id, legal_first_name, legal_last_name, date_of_birth, sex_at_birth, status, is_archived, created_at, primary_clinician_id)
        SELECT gen_random_uuid(),
               (ARRAY['José','Zoë','Amélie','Chloé','Björn','Renée','Noël','Íñigo','Ana','Liam','Mia','Omar','Grace','Yusuf','Aoife','Kenji'])[1 + i % 16],
               (ARRAY['Núñez','García','Müller','Øster','Dubois','Smith','Nguyen','Kowalski','O''Brien','Lefèvre','Martínez','Chen','Haddad','Ivanova','Okafor','Silva'])[1 + (i / 16) % 16]
                 || (ARRAY['', ' Abad', ' Bravo', ' Costa', ' Duarte', ' Espósito', ' Faure', ' Gómez', ' Huber', ' Iglesias', ' Jansen', ' Klein', ' Lund', ' Moreau', ' Novák', ' Ortiz',
                           ' Pérez', ' Quinn', ' Rossi', ' Sato', ' Tan', ' Ueda', ' Vidal', ' Weiß', ' Xu', ' Yilmaz', ' Zamora', ' Åberg', ' Čapek', ' Ðorđević', ' Şahin', ' Ørsted'])[1 + (i / 256) % 32],
               date '1950-01-01' + (i * 7919) % 20000,
               (ARRAY['Female','Male','Intersex'])[1 + i % 3],
               (ARRAY['Referred','Screening','Eligible','Active','Maintenance','Discharged'])[1 + i % 6],
               false, now(), (SELECT id FROM users ORDER BY created_at LIMIT 1)
        FROM generate_series(1, {{count}}) i;
        """;

    // The signed session with the most readings gets 30 (the dosing session page scenario).
    private const string ThirtyReadings = """
        SET session_replication_role = replica;
        WITH s AS (
            SELECT n.id, n.patient_id, n.author_id, n.occurred_at, (SELECT count(*) FROM vitals_readings r WHERE r.note_id = n.id) AS have
            FROM clinical_notes n JOIN dosing_sessions ds ON ds.id = n.id WHERE n.status = 'Signed'
            ORDER BY have DESC, n.id LIMIT 1)
        INSERT INTO vitals_readings (id, note_id, patient_id, taken_at, systolic, diastolic, heart_rate, sp_o2, respiratory_rate, moaas, recorded_by, recorded_at)
        SELECT gen_random_uuid(), s.id, s.patient_id, s.occurred_at + make_interval(mins => 100 + g), 120 + g % 20, 75 + g % 10, 70 + g % 15, 95 + g % 5, 14 + g % 4, 5, s.author_id, now()
        FROM s CROSS JOIN generate_series(1, 30) g WHERE g <= 30 - s.have;
        """;

    // Bulk readings for the export, on the other signed sessions (never the 30-reading one).
    private static string PadReadings(long count) => $$"""
        SET session_replication_role = replica;
        WITH thirty AS (SELECT note_id FROM vitals_readings GROUP BY note_id HAVING count(*) = 30 ORDER BY note_id LIMIT 1),
        s AS (
            SELECT n.id, n.patient_id, n.author_id, n.occurred_at, row_number() OVER (ORDER BY n.occurred_at) AS k, count(*) OVER () AS total
            FROM clinical_notes n JOIN dosing_sessions ds ON ds.id = n.id
            WHERE n.status = 'Signed' AND n.id NOT IN (SELECT note_id FROM thirty))
        INSERT INTO vitals_readings (id, note_id, patient_id, taken_at, systolic, diastolic, heart_rate, sp_o2, respiratory_rate, moaas, recorded_by, recorded_at)
        SELECT gen_random_uuid(), s.id, s.patient_id, s.occurred_at + make_interval(secs => g), 110 + g % 40, 70 + g % 20, 60 + g % 40, 94 + g % 6, 12 + g % 8, g % 6, s.author_id, now()
        FROM s CROSS JOIN LATERAL generate_series(1, ({{count}} / s.total + 1)::int) g;
        """;

    private static async Task<object?> ScalarAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
