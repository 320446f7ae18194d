using System.Diagnostics;
using KapClinic.Core.Reports;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Dosing;
using Npgsql;

namespace KapClinic.Web.Tests.Reports;

/// <summary>
/// Large dosing-vitals exports through the whole HTTP pipeline: memory stays flat whatever the row count, and a client
/// that goes away stops the database query. Rows are added straight in SQL (generate_series) to one real session.
/// </summary>
public sealed class ReportExportScaleTests(DosingFixture fixture) : IClassFixture<DosingFixture>
{
    private const string RowsQueryMarker = "%JOIN vitals_readings r ON r.note_id = s.id%";

    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task Exporting_200000_readings_as_csv_grows_memory_no_more_than_exporting_20000()
    {
        var (staff, session) = await SessionWithReadingsAsync(20_000);
        var (small, smallGrowth) = await ExportAsync(staff);
        await AddReadingsAsync(session, 180_000);
        var (large, largeGrowth) = await ExportAsync(staff);

        Assert.Equal(20_000 + 1, small);
        Assert.Equal(200_000 + 1, large);
        Assert.True(largeGrowth < 100L * 1024 * 1024, $"peak managed heap grew {largeGrowth / 1048576} MB");
        Assert.True(largeGrowth < smallGrowth + (48L * 1024 * 1024), $"200,000 rows: +{largeGrowth / 1048576} MB; 20,000 rows: +{smallGrowth / 1048576} MB");
    }

    [Fact]
    public async Task A_client_that_disconnects_mid_export_stops_the_database_query_within_seconds()
    {
        var (staff, _) = await SessionWithReadingsAsync(300_000);
        using var abort = new CancellationTokenSource();
        var response = await staff.GetAsync($"/Reports/{ReportKeys.DosingVitals}?handler=Export&format=csv", HttpCompletionOption.ResponseHeadersRead, abort.Token);
        var body = await response.Content.ReadAsStreamAsync(abort.Token);
        await body.ReadExactlyAsync(new byte[64 * 1024], abort.Token);
        Assert.True(await RunningExportQueriesAsync() > 0, "the export query should still be running while the client reads slowly");

        await abort.CancelAsync();
        response.Dispose();

        var watch = Stopwatch.StartNew();
        while (await RunningExportQueriesAsync() > 0 && watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(200);
        }

        Assert.Equal(0, await RunningExportQueriesAsync());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"the query ran on for {watch.Elapsed}");
    }

    private async Task<(HttpClient Staff, DosedSession Session)> SessionWithReadingsAsync(int readings)
    {
        var session = await DosingData.SessionAsync(fixture, startedMinutesAgo: 100);
        await AddReadingsAsync(session, readings);
        var (staff, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);
        return (staff, session);
    }

    private async Task AddReadingsAsync(DosedSession session, int count)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO vitals_readings (id, note_id, patient_id, taken_at, systolic, diastolic, heart_rate, sp_o2, respiratory_rate, moaas, recorded_by, recorded_at)
            SELECT gen_random_uuid(), $1, $2, now() - interval '90 minutes' + (g % 80) * interval '1 minute', 100 + g % 60, 60 + g % 30, 60 + g % 40, 90 + g % 10, 12 + g % 6, g % 6, $3, now()
            FROM generate_series(1, $4) AS g
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = session.SessionId });
        command.Parameters.Add(new NpgsqlParameter { Value = session.PatientId });
        command.Parameters.Add(new NpgsqlParameter { Value = session.ClinicianId });
        command.Parameters.Add(new NpgsqlParameter { Value = count });
        command.CommandTimeout = 300;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Lines of the export, and how far the managed heap rose above where it started, sampled as the bytes arrive.</summary>
    private static async Task<(int Lines, long PeakGrowth)> ExportAsync(HttpClient client)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var peak = before;
        using var response = await client.GetAsync($"/Reports/{ReportKeys.DosingVitals}?handler=Export&format=csv", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[81920];
        var lines = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
        }

        return (lines, peak - before);
    }

    private async Task<int> RunningExportQueriesAsync()
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' AND query LIKE $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = RowsQueryMarker });
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
