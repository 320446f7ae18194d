using System.Text.RegularExpressions;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Security.Support;
using Npgsql;

namespace KapClinic.Web.Tests.Security;

/// <summary>
/// A fault never shows its insides: with the database gone, or for records that do not exist, no page answers with a
/// stack trace, an exception, SQL or a connection string.
/// </summary>
[Collection(SecurityRoutes.Name)]
public sealed partial class ErrorDisclosureTests(SecurityFixture fixture)
{
    private static readonly string[] Leaks =
        ["Exception", "Npgsql", "Postgres", "SELECT ", "INSERT ", " FROM \"", "Host=", "Username=", "Password=", "Database=", "SQLSTATE", ".cs:line"];

    [Fact]
    public async Task No_page_shows_a_stack_trace_sql_or_connection_string_when_the_database_is_down()
    {
        var database = new NpgsqlConnectionStringBuilder(fixture.Factory.ConnectionString).Database!;
        var problems = new List<string>();
        var unavailable = 0;
        await SetConnectionsAllowedAsync(database, false);
        try
        {
            foreach (var caller in new[] { Caller.Anonymous, Caller.Admin, Caller.Prescriber })
            {
                foreach (var route in fixture.Routes)
                {
                    foreach (var handler in route.Handlers)
                    {
                        var url = fixture.Seeded.Url(route.Template, handler);
                        var response = await fixture.As(caller).Client.SendAsync(new HttpRequestMessage(new HttpMethod(handler.Verb), url));
                        unavailable += (int)response.StatusCode == 503 ? 1 : 0;
                        problems.AddRange(LeaksIn(await response.Content.ReadAsStringAsync()).Select(l => $"{handler.Verb} {url} as {caller}: {l}"));
                    }
                }
            }
        }
        finally
        {
            await SetConnectionsAllowedAsync(database, true);
        }

        Assert.True(unavailable > 50, $"Only {unavailable} answers were 503: the database fault did not reach the pages.");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Distinct()));
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
