using System.Text.RegularExpressions;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Security.Support;
using Npgsql;

namespace KapClinic.Web.Tests.Security;

/// <summary>
/// A fault never shows its insides: when queries fail, with the database gone, or for records that do not exist, no page answers with a
/// stack trace, an exception, SQL or a connection string.
/// </summary>
[Collection(SecurityRoutes.Name)]
public sealed partial class ErrorDisclosureTests(SecurityFixture fixture)
{
    private static readonly string[] Leaks =
        ["Exception", "Npgsql", "Postgres", "SELECT ", "INSERT ", " FROM \"", "Host=", "Username=", "Password=", "Database=", "SQLSTATE", ".cs:line"];

    // Renamed away for the test: every query touching them fails with a PostgreSQL error (42P01) whose text names SQL.
    private static readonly string[] BrokenTables = ["patients", "appointments", "inventory_lots", "protocols", "clinic_settings", "treatment_courses"];

    [Fact]
    public async Task No_page_shows_a_stack_trace_sql_or_connection_string_when_queries_fail()
    {
        var problems = new List<string>();
        var failed = 0;
        await ExecuteAsync(string.Concat(BrokenTables.Select(t => $"ALTER TABLE \"{t}\" RENAME TO \"{t}_broken\";")));
        try
        {
            foreach (var caller in new[] { Caller.Anonymous, Caller.Admin, Caller.Prescriber, Caller.Staff })
            {
                foreach (var route in fixture.Routes)
                {
                    foreach (var handler in route.Handlers)
                    {
                        var url = fixture.Seeded.Url(route.Template, handler);
                        var response = await fixture.As(caller).Client.SendAsync(new HttpRequestMessage(new HttpMethod(handler.Verb), url));
                        failed += (int)response.StatusCode is 500 or 503 ? 1 : 0; // a DbException is shown as the 503 page
                        problems.AddRange(LeaksIn(await response.Content.ReadAsStringAsync()).Select(l => $"{handler.Verb} {url} as {caller}: {l}"));
                    }
                }
            }
        }
        finally
        {
            await ExecuteAsync(string.Concat(BrokenTables.Select(t => $"ALTER TABLE \"{t}_broken\" RENAME TO \"{t}\";")));
        }

        Assert.True(failed > 50, $"Only {failed} answers were 500 or 503: the fault did not reach the pages.");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Distinct()));
    }

    [Fact]
    public async Task The_outage_page_shows_no_stack_trace_sql_or_connection_string()
    {
        // Each request waits out the retry policy (about 6 s), so a sample: the dashboard, the registry and a chart.
        var database = new NpgsqlConnectionStringBuilder(fixture.Factory.ConnectionString).Database!;
        var problems = new List<string>();
        await SetConnectionsAllowedAsync(database, false);
        try
        {
            foreach (var url in new[] { "/", "/Patients", $"/Patients/{fixture.Seeded.PatientId}" })
            {
                var response = await fixture.As(Caller.Prescriber).Client.GetAsync(url);
                Assert.Equal(503, (int)response.StatusCode);
                problems.AddRange(LeaksIn(await response.Content.ReadAsStringAsync()).Select(l => $"GET {url}: {l}"));
            }
        }
        finally
        {
            await SetConnectionsAllowedAsync(database, true);
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task No_page_shows_a_stack_trace_or_sql_for_records_that_do_not_exist()
    {
        var problems = new List<string>();
        foreach (var route in fixture.Routes.Where(r => r.Template.Contains(":guid", StringComparison.Ordinal)))
        {
            var caller = (AccessTable.AllowedFor(route) ?? []).OrderBy(c => c == Caller.Anonymous).First();
            var url = AnyGuid().Replace(fixture.Seeded.Url(route.Template), Guid.NewGuid().ToString());
            var response = await fixture.As(caller).Client.GetAsync(url);
            problems.AddRange(LeaksIn(await response.Content.ReadAsStringAsync()).Select(l => $"GET {url} as {caller} ({(int)response.StatusCode}): {l}"));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static IEnumerable<string> LeaksIn(string body) =>
        Leaks.Where(l => body.Contains(l, StringComparison.Ordinal)).Select(l => $"shows \"{l}\"")
            .Concat(StackFrame().IsMatch(body) ? ["shows a stack frame"] : []);

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(fixture.Factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
        NpgsqlConnection.ClearAllPools();
    }

    private static async Task SetConnectionsAllowedAsync(string database, bool allowed)
    {
        var server = await PostgresServer.InstanceAsync();
        await using var connection = new NpgsqlConnection(server.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS {(allowed ? "true" : "false")};" +
            (allowed ? string.Empty : $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}';"),
            connection);
        await command.ExecuteNonQueryAsync();
        NpgsqlConnection.ClearAllPools();
    }

    [GeneratedRegex(@"\bat [A-Z][\w.]+\.[\w<>]+\(")]
    private static partial Regex StackFrame();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex AnyGuid();
}
