using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace KapClinic.Web.Tests.Security.Support;

/// <summary>The URLs a rendered page points at: links, form actions, sources, and data-* attributes holding a path.</summary>
public static class PageUrls
{
    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "poster", "srcset"];

    public static IEnumerable<string> In(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        return document.All.SelectMany(e => e.Attributes)
            .Where(a => UrlAttributes.Contains(a.Name, StringComparer.OrdinalIgnoreCase)
                || (a.Name.StartsWith("data-", StringComparison.OrdinalIgnoreCase) && a.Value.Contains('/', StringComparison.Ordinal)))
            .Select(a => a.Value);
    }

    public static bool IsHtml(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType == "text/html";

    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);
}
