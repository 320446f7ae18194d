using System.Net;
using System.Text.RegularExpressions;

namespace KapClinic.TestSupport;

/// <summary>
/// Posts a page's form as a browser would: with the antiforgery token the page rendered and the form's idempotency key
/// (<c>__IdempotencyKey</c>, when the page rendered one), so a test that posts twice from one rendering is a double click.
/// </summary>
public static partial class HtmlForms
{
    public const string IdempotencyKeyField = "__IdempotencyKey";

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

    /// <summary>
    /// The idempotency key of the form on <paramref name="html"/> that posts to <paramref name="postUrl"/> (a form
    /// without an action posts to <paramref name="pageUrl"/>); else of the page's first form other than sign-out; null if none.
    /// </summary>
    public static string? IdempotencyKeyIn(string html, string pageUrl, string? postUrl = null)
    {
        var target = postUrl ?? pageUrl;
        var forms = FormPattern().Matches(html)
            .Select(m => (Action: ActionOf(m.Groups[1].Value) ?? pageUrl, Key: KeyIn(m.Value)))
            .Where(f => f.Key is not null)
            .ToList();
        return forms.FirstOrDefault(f => string.Equals(f.Action, target, StringComparison.OrdinalIgnoreCase)).Key
            ?? forms.FirstOrDefault(f => !f.Action.StartsWith("/Account/Logout", StringComparison.OrdinalIgnoreCase)).Key;
    }

    /// <summary>GETs <paramref name="pageUrl"/> once: the token and key its form carries, to post (perhaps more than once) with <see cref="PostRenderedAsync"/>.</summary>
    public static async Task<RenderedForm> RenderAsync(HttpClient client, string pageUrl, string? postUrl = null)
    {
        var html = await client.GetStringAsync(pageUrl);
        var token = TokenIn(html) ?? throw new InvalidOperationException($"No antiforgery token on {pageUrl}.");
        return new RenderedForm(pageUrl, postUrl ?? pageUrl, token, IdempotencyKeyIn(html, pageUrl, postUrl));
    }

    /// <summary>POSTs the fields with the rendering's token and idempotency key, as the browser does on each press of its button.</summary>
    public static Task<HttpResponseMessage> PostRenderedAsync(HttpClient client, RenderedForm form, IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(form);
        var all = fields.Append(new("__RequestVerificationToken", form.Token));
        if (form.IdempotencyKey is not null)
        {
            all = all.Append(new(IdempotencyKeyField, form.IdempotencyKey));
        }

        return client.PostAsync(form.PostUrl, new FormUrlEncodedContent(all));
    }

    /// <summary>GETs <paramref name="pageUrl"/> for its token and key, then POSTs the fields to <paramref name="postUrl"/> (default: the same page).</summary>
    public static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, string pageUrl, IEnumerable<KeyValuePair<string, string>> fields, string? postUrl = null) =>
        await PostRenderedAsync(client, await RenderAsync(client, pageUrl, postUrl), fields);

    private static string? ActionOf(string attributes)
    {
        var match = ActionPattern().Match(attributes);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    private static string? KeyIn(string form)
    {
        var input = KeyInputPattern().Match(form);
        var value = input.Success ? ValuePattern().Match(input.Value) : null;
        return value is { Success: true } ? value.Groups[1].Value : null;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<form\\b([^>]*)>.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("\\baction=\"([^\"]*)\"")]
    private static partial Regex ActionPattern();

    [GeneratedRegex("<input[^>]*name=\"__IdempotencyKey\"[^>]*>")]
    private static partial Regex KeyInputPattern();

    [GeneratedRegex("\\bvalue=\"([^\"]+)\"")]
    private static partial Regex ValuePattern();
}
