using AngleSharp.Dom;

namespace KapClinic.Web.Tests.Security.Support;

/// <summary>Markup in a rendered page that can run script: what an unencoded payload would leave behind.</summary>
public static class InjectedMarkup
{
    private static readonly string[] ScriptSources = ["/js/", "/lib/"];
    private static readonly string[] Forbidden = ["iframe", "object", "embed", "base", "frame", "frameset"];

    // Attributes a browser follows or loads (an input's value holding "javascript:..." is only text).
    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcdoc"];

    public static IEnumerable<string> In(IDocument document)
    {
        foreach (var element in document.All)
        {
            var name = element.LocalName;
            if (name == "script" && !ScriptSources.Any(s => (element.GetAttribute("src") ?? string.Empty).StartsWith(s, StringComparison.Ordinal)))
            {
                yield return $"<script> not from /js or /lib: {Outer(element)}";
            }

            if (Forbidden.Contains(name))
            {
                yield return $"<{name}>: {Outer(element)}";
            }

            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    yield return $"event-handler attribute {attribute.Name}: {Outer(element)}";
                }

                var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
                if (UrlAttributes.Contains(attribute.Name, StringComparer.OrdinalIgnoreCase)
                    && (value.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || value.StartsWith("data:text/html", StringComparison.OrdinalIgnoreCase)))
                {
                    yield return $"script URL in {attribute.Name}: {Outer(element)}";
                }

                if (attribute.Name.StartsWith("data-kapxss", StringComparison.OrdinalIgnoreCase))
                {
                    yield return $"attribute broken out of its quotes: {Outer(element)}";
                }
            }
        }
    }

    private static string Outer(IElement element)
    {
        var html = element.OuterHtml;
        return html.Length > 160 ? html[..160] + "..." : html;
    }
}
