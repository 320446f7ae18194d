using KapClinic.Web.Tests.Security.Support;

namespace KapClinic.Web.Tests.Security;

/// <summary>Reading is safe: no GET handler of any route, for any caller, adds or removes a row anywhere.</summary>
[Collection(SecurityRoutes.Name)]
public sealed class GetChangesNothingTests(SecurityFixture fixture)
{
    [Fact]
    public async Task Requesting_every_get_handler_as_every_caller_leaves_every_tables_row_count_unchanged()
    {
        var problems = new List<string>();
        var before = await TableCounts.ReadAsync(fixture.Factory.ConnectionString);
        Assert.True(before.Count > 20, "Too few tables counted.");
        foreach (var caller in SecurityFixture.Callers)
        {
            foreach (var route in fixture.Routes)
            {
                foreach (var handler in route.Gets)
                {
                    var url = fixture.Seeded.Url(route.Template, handler);
                    await fixture.As(caller).Client.GetAsync(url);
                    var after = await TableCounts.ReadAsync(fixture.Factory.ConnectionString);
                    problems.AddRange(TableCounts.Differences(before, after).Select(d => $"GET {url} as {caller}: {d}"));
                    before = after;
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
