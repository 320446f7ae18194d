using System.Net;
using KapClinic.Web.Tests.Security.Support;

namespace KapClinic.Web.Tests.Security;

/// <summary>
/// SQL injection payloads in every query parameter a page binds on GET ([BindProperty(SupportsGet = true)] and GET
/// handler parameters, found by reflection): the same answer as for a harmless value, or a 400; never a 500, never a
/// database error in the page. (Free-text form fields get the same payloads in XssInjectionTests.)
/// </summary>
[Collection(SecurityRoutes.Name)]
public sealed class SqlInjectionTests(SecurityFixture fixture)
{
    public static readonly string[] Payloads =
    [
        "' OR '1'='1",
        "'; DROP TABLE patients; --",
        "1) OR pg_sleep(3)--",
        "\" OR \"\"=\"",
        "%' AND 1=CAST((SELECT version()) AS int)--",
        "x'||(SELECT string_agg(email, ',') FROM \"AspNetUsers\")||'",
        "-1 UNION SELECT NULL--",
    ];

    private static readonly string[] DatabaseLeaks = ["Npgsql", "PostgresException", "syntax error", "SQLSTATE", "42601", "42P01"];

    [Fact]
    public async Task Sql_payloads_in_every_get_parameter_answer_like_a_harmless_value_or_400()
    {
        var problems = new List<string>();
        var withParameters = fixture.Routes.Where(r => r.QueryParameters.Count > 0).ToList();
        Assert.Contains(withParameters, r => r.Page == "/Schedule/Week"); // the walk finds handler parameters (date, by)

        foreach (var route in withParameters)
        {
            var caller = (AccessTable.AllowedFor(route) ?? []).OrderBy(c => c == Caller.Anonymous).First();
            var client = fixture.As(caller).Client;
            foreach (var handler in route.Gets)
            {
                var url = fixture.Seeded.Url(route.Template, handler);
                foreach (var parameter in route.QueryParameters)
                {
                    var harmless = (await client.GetAsync(With(url, parameter, "harmless"))).StatusCode;
                    foreach (var payload in Payloads)
                    {
                        var response = await client.GetAsync(With(url, parameter, payload));
                        var body = await response.Content.ReadAsStringAsync();
                        if ((response.StatusCode != harmless && response.StatusCode != HttpStatusCode.BadRequest)
                            || DatabaseLeaks.Any(l => body.Contains(l, StringComparison.OrdinalIgnoreCase)))
                        {
                            problems.Add($"GET {url} {parameter}={payload} as {caller}: {(int)response.StatusCode} (harmless value: {(int)harmless})");
                        }
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static string With(string url, string parameter, string value) =>
        $"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{Uri.EscapeDataString(parameter)}={Uri.EscapeDataString(value)}";
}
