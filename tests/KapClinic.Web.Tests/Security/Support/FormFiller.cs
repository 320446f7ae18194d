using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using KapClinic.TestSupport;

namespace KapClinic.Web.Tests.Security.Support;

/// <summary>
/// Fills a rendered form as a person would: what the page prefilled stays (hidden fields and the antiforgery token,
/// checked boxes, selected options), empty dates, times and numbers get a plausible value, and the free-text fields
/// (text, search, email, tel, url inputs and textareas) get what the test asks for.
/// </summary>
public sealed record FilledForm(string Action, IReadOnlyList<string> TextFields, IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    private static readonly string[] FreeTextTypes = ["text", "search", "email", "tel", "url", ""];

    /// <summary>The page's POST forms that have at least one free-text field (others only press a button).</summary>
    public static IEnumerable<IHtmlFormElement> TextForms(IDocument page) =>
        page.Forms.Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase) && TextInputs(f).Any());

    /// <summary>The form with every free-text field set by <paramref name="text"/> (field name, position, prefilled value) and the rest kept or made plausible.</summary>
    public static FilledForm Fill(IHtmlFormElement form, string pageUrl, Func<string, int, string, string> text)
    {
        var fields = new List<KeyValuePair<string, string>>();
        var textNames = TextInputs(form).Select(e => e.GetAttribute("name")!).Distinct().ToList();
        foreach (var element in form.Elements.Where(e => e.GetAttribute("name") is { Length: > 0 } && !e.HasAttribute("disabled")))
        {
            var name = element.GetAttribute("name")!;
            var value = element switch
            {
                _ when textNames.Contains(name) => text(name, textNames.IndexOf(name), element is IHtmlTextAreaElement a ? a.Value : ((IHtmlInputElement)element).Value),
                IHtmlTextAreaElement area => area.Value,
                IHtmlSelectElement select => select.SelectedOptions.FirstOrDefault(o => o.Value.Length > 0)?.Value
                    ?? select.Options.FirstOrDefault(o => o.Value.Length > 0)?.Value,
                IHtmlInputElement { Type: "checkbox" or "radio" } box => box.IsChecked ? box.Value : null,
                IHtmlInputElement { Type: "password" } => TestUsers.Password,
                IHtmlInputElement input => input.Value.Length > 0 ? input.Value : Plausible(input.Type),
                _ => null, // buttons: only the one pressed is sent, below
            };
            if (value is not null)
            {
                fields.Add(new(name, value));
            }
        }

        var submit = form.Elements.OfType<IHtmlButtonElement>().FirstOrDefault(b => b.Type == "submit");
        if (submit?.GetAttribute("name") is { Length: > 0 } buttonName)
        {
            fields.Add(new(buttonName, submit.Value));
        }

        var action = submit?.GetAttribute("formaction") ?? form.GetAttribute("action");
        return new FilledForm(string.IsNullOrEmpty(action) ? pageUrl : System.Net.WebUtility.HtmlDecode(action), textNames, fields);
    }

    public FormUrlEncodedContent Content() => new(Fields);

    private static IEnumerable<IElement> TextInputs(IHtmlFormElement form) =>
        form.Elements.Where(e => e.GetAttribute("name") is { Length: > 0 } name && name != "__RequestVerificationToken"
            && !e.HasAttribute("disabled") && !e.HasAttribute("readonly")
            && (e is IHtmlTextAreaElement || (e is IHtmlInputElement input && FreeTextTypes.Contains((input.GetAttribute("type") ?? string.Empty).ToLowerInvariant()))));

    /// <summary>A value a free-text field of that name will likely accept: what the page prefilled, or a guess from the name.</summary>
    public static string PlausibleText(string name, string prefilled) => prefilled.Length > 0 ? prefilled : name switch
    {
        _ when name.Contains("Email", StringComparison.OrdinalIgnoreCase) => $"x{Guid.NewGuid():N}@example.org",
        _ when name.Contains("Phone", StringComparison.OrdinalIgnoreCase) => "555 0100",
        _ when name.Contains("Icd", StringComparison.OrdinalIgnoreCase) || name.EndsWith("Code", StringComparison.Ordinal) => "F32.1",
        _ when name.Contains("Ndc", StringComparison.OrdinalIgnoreCase) => "12345-678-90",
        _ when name.Contains("Postal", StringComparison.OrdinalIgnoreCase) || name.Contains("Zip", StringComparison.OrdinalIgnoreCase) => "02139",
        _ => "Sample text",
    };

    private static string? Plausible(string type) => type switch
    {
        "date" => DateTime.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        "datetime-local" => DateTime.Now.AddHours(-1).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
        "time" => "10:00",
        "number" => "1",
        "submit" or "button" or "reset" or "image" or "file" => null,
        _ => string.Empty,
    };
}
