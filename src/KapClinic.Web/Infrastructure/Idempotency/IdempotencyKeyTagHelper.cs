using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace KapClinic.Web.Infrastructure.Idempotency;

/// <summary>
/// Gives every <c>&lt;form method="post"&gt;</c> the app renders a hidden, random idempotency key (as the antiforgery
/// token is added): a double-clicked or retried submit of that rendering carries the same key, and
/// <see cref="IdempotencyFilter"/> applies it once. A re-rendered form (after a validation error) gets a new key.
/// A form that only reads (a search, which posts only to keep names out of URLs) says <c>kap-read-only="true"</c>
/// and gets no key: running it twice is harmless, and a key would cost the request a lookup and a write.
/// </summary>
[HtmlTargetElement("form")]
public sealed class IdempotencyKeyTagHelper : TagHelper
{
    public const string FieldName = "__IdempotencyKey";

    /// <summary>The form changes nothing (set with <c>kap-read-only="true"</c>; the attribute is not rendered).</summary>
    [HtmlAttributeName("kap-read-only")]
    public bool ReadOnly { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var method = context.AllAttributes.TryGetAttribute("method", out var attribute) ? attribute.Value?.ToString() : null;
        if (ReadOnly || !string.Equals(method, "post", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.Attributes["type"] = "hidden";
        input.Attributes["name"] = FieldName;
        input.Attributes["value"] = Guid.NewGuid().ToString("D");
        output.PostContent.AppendHtml(input);
    }
}
