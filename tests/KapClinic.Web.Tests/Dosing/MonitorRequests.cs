using KapClinic.TestSupport;

namespace KapClinic.Web.Tests.Dosing;

/// <summary>Posts the session page's forms: as a plain form post, or as dosing-monitor.js does (the fetch header).</summary>
internal static class MonitorRequests
{
    public static Task<HttpResponseMessage> PlainAsync(HttpClient client, DosedSession session, string handler, IEnumerable<KeyValuePair<string, string>> fields) =>
        HtmlForms.PostAsync(client, session.Url, fields, $"{session.Url}?handler={handler}");

    public static async Task<HttpResponseMessage> FetchAsync(HttpClient client, DosedSession session, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await HtmlForms.AntiforgeryTokenAsync(client, session.Url);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{session.Url}?handler=Reading")
        {
            Content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))),
        };
        request.Headers.Add("X-Requested-With", "fetch");
        return await client.SendAsync(request);
    }
}
