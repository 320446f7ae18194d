using System.Net;
using KapClinic.TestSupport;

namespace KapClinic.Web.Tests.Infrastructure.Idempotency;

/// <summary>One rendering of a form posted as a double click (in turn) or as impatient retries (all at once).</summary>
internal static class IdempotentPosts
{
    public static async Task<HttpResponseMessage[]> TwiceAsync(HttpClient client, RenderedForm form, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var first = await HtmlForms.PostRenderedAsync(client, form, fields);
        var second = await HtmlForms.PostRenderedAsync(client, form, fields);
        return [first, second];
    }

    public static Task<HttpResponseMessage[]> AtOnceAsync(HttpClient client, RenderedForm form, IEnumerable<KeyValuePair<string, string>> fields, int count = 4) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(_ => HtmlForms.PostRenderedAsync(client, form, fields)));

    /// <summary>Every answer is a redirect to the same place (none an error, none a re-rendered form).</summary>
    public static string AssertAllRedirectToOnePlace(IEnumerable<HttpResponseMessage> responses)
    {
        var list = responses.ToList();
        Assert.All(list, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        return Assert.Single(list.Select(r => r.Headers.Location!.ToString()).Distinct(StringComparer.Ordinal));
    }

    /// <summary>The path a redirect leads to (the fragment is the browser's).</summary>
    public static string PathOf(HttpResponseMessage response) => response.Headers.Location!.ToString().Split('#')[0];
}
