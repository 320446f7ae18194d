using System.Net;
using System.Text.RegularExpressions;

namespace KapClinic.TestSupport;

/// <summary>Posts a page's form as a browser would: with the antiforgery token the page rendered.</summary>
public static partial class HtmlForms
{
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string pageUrl)
    {
        var html = await client.GetStringAsync(pageUrl);
        return TokenIn(html) ?? throw new InvalidOperationException($"No antiforgery token on {pageUrl}.");
    }

    public static string? TokenIn(string html)
    {
        var match = TokenPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    /// <summary>GETs <paramref name="pageUrl"/> for its token, then POSTs the fields to <paramref name="postUrl"/> (default: the same page).</summary>
    public static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, string pageUrl, IEnumerable<KeyValuePair<string, string>> fields, string? postUrl = null)
    {
        var token = await AntiforgeryTokenAsync(client, pageUrl);
        var body = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await client.PostAsync(postUrl ?? pageUrl, body);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
