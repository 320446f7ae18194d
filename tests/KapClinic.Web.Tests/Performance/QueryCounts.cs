using KapClinic.TestSupport;

namespace KapClinic.Web.Tests.Performance;

/// <summary>How many SQL commands one request sends (the fixture's <see cref="SqlCommandCounter"/>).</summary>
internal static class QueryCounts
{
    public static async Task<int> ForGetAsync(SqlCommandCounter counter, HttpClient client, string url)
    {
        counter.Reset();
        using var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return counter.Commands.Count;
    }
}
