using System.Globalization;
using System.Net;
using KapClinic.Bench.Load;
using KapClinic.Bench.Report;
using KapClinic.LoadSupport;
using Npgsql;

namespace KapClinic.Bench.Scenarios;

/// <summary>Search, chart, dosing session and add-a-reading: the app against the baseline, same wrk settings, one after the other.</summary>
public static class ThroughputScenarios
{
    public const int ListRows = 50;

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(BenchContext bench, CancellationToken cancellationToken)
    {
        var t = bench.Targets;
        var cookie = bench.Client.CookieHeader;
        var results = new List<ScenarioResult>();

        var search = await bench.Client.GetFormWithIdAsync("/Patients", "patient-search", cancellationToken);
        var searchFields = new List<KeyValuePair<string, string>> { new("Query.Name", t.SearchTerm), new("Query.PageSize", ListRows.ToString(CultureInfo.InvariantCulture)) };
        await ExpectAsync(bench.Client.PostFormAsync("/Patients", search, searchFields, cancellationToken), HttpStatusCode.OK, "the patient search");
        results.Add(await CompareAsync(
            bench, $"Patient search and list ({ListRows} rows, name \"{t.SearchTerm}\")", 0.5,
            new Uri(bench.App.BaseAddress, "/Patients"), PostScript(cookie, search, searchFields),
            new Uri(bench.Baseline.BaseAddress, "/patients"), WrkScript.Post(string.Empty, $"name={Uri.EscapeDataString(t.SearchTerm)}&pageSize={ListRows}", false),
            cancellationToken));

        var chart = $"/Patients/{t.ChartPatientId}";
        await ExpectAsync(bench.Client.Http.GetAsync(new Uri(chart, UriKind.Relative), cancellationToken), HttpStatusCode.OK, "the chart");
        results.Add(await CompareAsync(
            bench, "Patient chart", 0.35,
            new Uri(bench.App.BaseAddress, chart), WrkScript.Get(cookie),
            new Uri(bench.Baseline.BaseAddress, $"/patients/{t.ChartPatientId}"), WrkScript.Get(string.Empty), cancellationToken));

        var session = $"/Patients/{t.SessionPatientId}/Dosing/{t.SessionId}";
        await ExpectAsync(bench.Client.Http.GetAsync(new Uri(session, UriKind.Relative), cancellationToken), HttpStatusCode.OK, "the dosing session");
        results.Add(await CompareAsync(
            bench, $"Dosing session page ({t.SessionReadings} readings)", 0.35,
            new Uri(bench.App.BaseAddress, session), WrkScript.Get(cookie),
            new Uri(bench.Baseline.BaseAddress, $"/sessions/{t.SessionId}"), WrkScript.Get(string.Empty), cancellationToken));

        results.Add(await AddReadingAsync(bench, cookie, cancellationToken));
        return results;
    }

    private static async Task<ScenarioResult> AddReadingAsync(BenchContext bench, string cookie, CancellationToken cancellationToken)
    {
        const string Name = "Add a vitals reading (POST, antiforgery, idempotency key)";
        var t = bench.Targets;
        if (t.OpenSessionId is not { } sessionId || t.OpenSessionPatientId is not { } patientId)
        {
            return new ScenarioResult(Name, "-", "-", null, ">= 0.40x", false, "the data set has no open dosing session");
        }

        var page = $"/Patients/{patientId}/Dosing/{sessionId}";
        var form = await bench.Client.GetFormAsync(page, "handler=Reading", cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(t.TimeZoneId);
        var now = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, zone).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Reading.TakenAt", now), new("Reading.Systolic", "122"), new("Reading.Diastolic", "78"), new("Reading.HeartRate", "72"),
            new("Reading.SpO2", "98"), new("Reading.RespiratoryRate", "14"), new("Reading.Moaas", "5"),
        };
        var startedAt = await ServerNowAsync(bench, cancellationToken);
        await ExpectAsync(bench.Client.PostFormAsync(form.Action, form, fields, cancellationToken), HttpStatusCode.Redirect, "adding a reading");
        var floorBody = $"takenAt={DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ}&systolic=122&diastolic=78&heartRate=72&spO2=98&respiratoryRate=14&moaas=5&recordedBy={t.UserId}";
        try
        {
            return await CompareAsync(
                bench, Name, 0.4,
                new Uri(bench.App.BaseAddress, form.Action), PostScript(cookie, form, fields),
                new Uri(bench.Baseline.BaseAddress, $"/sessions/{sessionId}/readings"), WrkScript.Post(string.Empty, floorBody, false),
                cancellationToken);
        }
        finally
        {
            // Keep the kept data set as it was: remove the readings this run added (they are the bench's, not the clinic's).
            await using var connection = new NpgsqlConnection(bench.Database.OwnerConnectionString);
            await connection.OpenAsync(CancellationToken.None);
            await using (var replica = new NpgsqlCommand("SET session_replication_role = replica", connection))
            {
                await replica.ExecuteNonQueryAsync(CancellationToken.None);
            }

            await using var delete = new NpgsqlCommand("DELETE FROM vitals_readings WHERE note_id = $1 AND recorded_at >= $2", connection);
            delete.Parameters.Add(new NpgsqlParameter { Value = sessionId });
            delete.Parameters.Add(new NpgsqlParameter { Value = startedAt });
            await delete.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>Warm-up and measured run of the floor, then of the app; the ratio of their requests/s.</summary>
    private static async Task<ScenarioResult> CompareAsync(
        BenchContext bench, string name, double target, Uri ours, string oursScript, Uri floor, string floorScript,
        CancellationToken cancellationToken)
    {
        Console.WriteLine($"==> {name}");
        var wrk = bench.Wrk;
        var d = bench.Options;
        await wrk.RunAsync(floor, floorScript, d.WarmUp, cancellationToken);
        var floorResult = await wrk.RunAsync(floor, floorScript, d.Duration, cancellationToken);
        await wrk.RunAsync(ours, oursScript, d.WarmUp, cancellationToken);
        var oursResult = await wrk.RunAsync(ours, oursScript, d.Duration, cancellationToken);
        var ratio = oursResult.RequestsPerSecond / floorResult.RequestsPerSecond;
        string? note = null;
        if (!oursResult.IsClean || !floorResult.IsClean)
        {
            note = $"errors: ours {oursResult.ErrorResponses + oursResult.SocketErrors}, floor {floorResult.ErrorResponses + floorResult.SocketErrors}";
        }
        else if (!await StillSignedInAsync(bench, cancellationToken))
        {
            note = "the session cookie stopped working during the run";
        }

        var result = new ScenarioResult(name, ResultTable.Throughput(oursResult), ResultTable.Throughput(floorResult), ratio,
            $">= {target.ToString("0.00", CultureInfo.InvariantCulture)}x", note is null && ratio >= target, note);
        Console.WriteLine($"    ours {result.Ours}; floor {result.Floor}; {ResultTable.Ratio(ratio)}");
        return result;
    }

    private static string PostScript(string cookie, PageForm form, IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        var typed = fields.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var hasKey = form.Hidden.Any(h => h.Key == WrkScript.IdempotencyField);
        var body = WrkScript.FormBody(form.Hidden.Where(h => !typed.Contains(h.Key) && h.Key != WrkScript.IdempotencyField).Concat(fields));
        return WrkScript.Post(cookie, body, hasKey);
    }

    private static async Task<bool> StillSignedInAsync(BenchContext bench, CancellationToken cancellationToken)
    {
        using var response = await bench.Client.Http.GetAsync(new Uri("/Patients", UriKind.Relative), cancellationToken);
        return response.StatusCode == HttpStatusCode.OK;
    }

    private static async Task ExpectAsync(Task<HttpResponseMessage> request, HttpStatusCode expected, string what)
    {
        using var response = await request;
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"Before loading it: {what} answered {(int)response.StatusCode}, not {(int)expected}.");
        }
    }

    private static async Task<DateTime> ServerNowAsync(BenchContext bench, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(bench.Database.OwnerConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT now()", connection);
        return (DateTime)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
