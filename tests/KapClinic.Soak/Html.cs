using AngleSharp.Html.Parser;

namespace KapClinic.Soak;

/// <summary>The few things the simulated users read from a page besides its form's hidden fields.</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The value an input of this name was rendered with (e.g. a time field the page filled with "now").</summary>
    public static string? InputValue(string html, string name) =>
        Parser.ParseDocument(html).QuerySelectorAll("input").FirstOrDefault(i => i.GetAttribute("name") == name)?.GetAttribute("value");

    /// <summary>The first link whose address contains every one of <paramref name="parts"/>.</summary>
    public static string? LinkContaining(string html, params string[] parts) =>
        Parser.ParseDocument(html).QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!)
            .FirstOrDefault(href => parts.All(p => href.Contains(p, StringComparison.OrdinalIgnoreCase)))
            ?.Replace("&amp;", "&", StringComparison.Ordinal);
}
