using System.Globalization;
using System.Text;
using KapClinic.Bench.Baseline;
using KapClinic.Bench.Data;
using KapClinic.Bench.Load;
using KapClinic.Bench.Report;
using KapClinic.LoadSupport;
using Npgsql;

namespace KapClinic.Bench.Scenarios;

/// <summary>
/// Patient search p50 on the large data set against the same search on 1,000 patients (a second app on the small
/// database), at low concurrency so p50 is latency, not queueing; with EXPLAIN (ANALYZE) of the search on both.
/// </summary>
public static class GrowthScenario
{
    private const int Connections = 2;

    public static async Task<(ScenarioResult Result, string Plans)> RunAsync(
        BenchContext bench, BenchDatabase small, string resultsDirectory, CancellationToken cancellationToken)
    {
        Console.WriteLine("==> Growth: patient search at 100,000 and at 1,000 patients");
        var term = bench.Targets.SearchTerm;
        var largeRun = await SearchLatencyAsync(bench, bench.App, bench.Client, term, cancellationToken);
        await using var smallApp = AppProcess.Start(new AppProcessOptions
        {
            ConnectionString = small.AppConnectionString,
            OwnerConnectionString = small.OwnerConnectionString,
            LogFile = Path.Combine(resultsDirectory, "app-small.log"),
        });
        await smallApp.WaitUntilReadyAsync(TimeSpan.FromMinutes(2), cancellationToken);
        using var smallClient = new ClinicClient(smallApp.BaseAddress);
        await smallClient.SignInAsync(small.User.Email, small.User.Password, small.User.MfaSecret, cancellationToken);
        var smallRun = await SearchLatencyAsync(bench, smallApp, smallClient, term, cancellationToken, freshProcess: true);

        var ratio = largeRun.P50 / smallRun.P50;
        var patients = await CountAsync(bench.Database.OwnerConnectionString, cancellationToken);
        var smallPatients = await CountAsync(small.OwnerConnectionString, cancellationToken);
        Console.WriteLine($"    p50 {ResultTable.Milliseconds(largeRun.P50)} at {patients:#,0}, {ResultTable.Milliseconds(smallRun.P50)} at {smallPatients:#,0}: {ResultTable.Ratio(ratio)}");
        var plans = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"### Search plans (name \"{term}\", page of {ThroughputScenarios.ListRows})")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"At {patients:#,0} patients ({bench.Database.Name}):")
            .AppendLine().AppendLine("```").Append(await PlansAsync(bench.Database.OwnerConnectionString, term, cancellationToken)).AppendLine("```").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"At {smallPatients:#,0} patients ({small.Name}):")
            .AppendLine().AppendLine("```").Append(await PlansAsync(small.OwnerConnectionString, term, cancellationToken)).AppendLine("```");
        var note = largeRun.IsClean && smallRun.IsClean ? null : "error responses";
        var result = new ScenarioResult(
            $"Growth: search p50, {patients:#,0} vs {smallPatients:#,0} patients (wrk -c{Connections})",
            $"{ResultTable.Milliseconds(largeRun.P50)} (p99 {ResultTable.Milliseconds(largeRun.P99)})",
            $"{ResultTable.Milliseconds(smallRun.P50)} (p99 {ResultTable.Milliseconds(smallRun.P99)})",
            ratio, "<= 2.00x", note is null && ratio <= 2, note);
        return (result, plans.ToString());
    }

    private static async Task<WrkResult> SearchLatencyAsync(
        BenchContext bench, AppProcess app, ClinicClient client, string term, CancellationToken cancellationToken, bool freshProcess = false)
    {
        var form = await client.GetFormWithIdAsync("/Patients", "patient-search", cancellationToken);
        var fields = new List<KeyValuePair<string, string>> { new("Query.Name", term), new("Query.PageSize", ThroughputScenarios.ListRows.ToString(CultureInfo.InvariantCulture)) };
        var body = WrkScript.FormBody(form.Hidden.Where(h => h.Key is not ("Query.Name" or "Query.PageSize" or WrkScript.IdempotencyField)).Concat(fields));
        var script = WrkScript.Post(client.CookieHeader, body, form.Hidden.Any(h => h.Key == WrkScript.IdempotencyField));
        var url = new Uri(app.BaseAddress, "/Patients");
        // A process that has just started gets a longer warm-up (JIT, pools), so both ends are compared warm.
        await bench.Wrk.RunAsync(url, script, freshProcess ? bench.Options.WarmUp * 3 : bench.Options.WarmUp, cancellationToken, Connections);
        return await bench.Wrk.RunAsync(url, script, bench.Options.Duration, cancellationToken, Connections);
    }

    private static async Task<string> PlansAsync(string connectionString, string term, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        foreach (var (sql, values) in new[] { (BaselineSql.SearchCount, new object[] { term }), (BaselineSql.SearchPage, [term, ThroughputScenarios.ListRows]) })
        {
            await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql, connection);
            foreach (var value in values)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                text.AppendLine(reader.GetString(0));
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private static async Task<long> CountAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM patients WHERE NOT is_archived", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
