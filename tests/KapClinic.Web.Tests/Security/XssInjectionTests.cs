using System.Net;
using KapClinic.Web.Tests.Security.Support;

namespace KapClinic.Web.Tests.Security;

/// <summary>
/// Stored and reflected XSS, everywhere at once: every form with free text, found by rendering every page as an Admin,
/// a prescriber and the front desk, is posted with script payloads in all its text fields at once (reflected: the
/// re-rendered form) and in one field at a time with plausible values in the rest (stored). Then every page is
/// rendered again and parsed: no script, event handler or script URL came from the payloads. SQL in the same fields
/// never causes a 500.
/// </summary>
public sealed class XssInjectionTests(SecurityFixture fixture) : IClassFixture<SecurityFixture>
{
    private static readonly Caller[] Posters = [Caller.Admin, Caller.Prescriber, Caller.Staff];

    [Fact]
    public async Task Script_payloads_posted_into_every_free_text_field_never_come_back_as_markup()
    {
        var problems = new List<string>();
        var forms = 0;
        foreach (var caller in Posters)
        {
            foreach (var (url, html) in await PagesAsync(caller))
            {
                foreach (var form in FilledForm.TextForms(PageUrls.Parse(html)).ToList())
                {
                    forms++;
                    var fieldCount = FilledForm.Fill(form, url, (_, _, _) => string.Empty).TextFields.Count;
                    var attempts = new List<FilledForm> { FilledForm.Fill(form, url, (_, i, _) => Payloads.For(i)) };
                    attempts.AddRange(Enumerable.Range(0, fieldCount).Select(target =>
                        FilledForm.Fill(form, url, (name, i, prefilled) => i == target ? Payloads.For(i + target) : FilledForm.PlausibleText(name, prefilled))));
                    foreach (var attempt in attempts)
                    {
                        problems.AddRange(await PostAsync(caller, url, attempt));
                    }
                }
            }
        }

        Assert.True(forms > 20, $"Only {forms} forms with free text were found: the walk is not reaching the pages.");
        var shown = 0;
        foreach (var caller in Posters)
        {
            foreach (var (url, html) in await PagesAsync(caller))
            {
                var document = PageUrls.Parse(html);
                shown += document.Body?.TextContent.Contains("kapxss", StringComparison.Ordinal) == true ? 1 : 0;
                problems.AddRange(InjectedMarkup.In(document).Select(p => $"GET {url} as {caller}: {p}"));
            }
        }

        Assert.True(shown > 10, $"Only {shown} pages show a stored payload as text: the payloads were not stored.");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Distinct()));
    }

    private async Task<List<string>> PostAsync(Caller caller, string pageUrl, FilledForm form)
    {
        var client = fixture.As(caller).Client;
        var response = await client.PostAsync(form.Action, form.Content());
        var where = $"POST {form.Action} (form on {pageUrl}) as {caller}";
        if (response.StatusCode >= HttpStatusCode.InternalServerError)
        {
            return [$"{where}: {(int)response.StatusCode}"];
        }

        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } location && location.ToString().StartsWith('/'))
        {
            response = await client.GetAsync(location);
        }

        return PageUrls.IsHtml(response)
            ? [.. InjectedMarkup.In(PageUrls.Parse(await response.Content.ReadAsStringAsync())).Select(p => $"{where}: {p}")]
            : [];
    }

    // Every HTML page the caller may open: the default GET handler of each route.
    private async Task<List<(string Url, string Html)>> PagesAsync(Caller caller)
    {
        var pages = new List<(string, string)>();
        foreach (var route in fixture.Routes.Where(r => r.Page is not null && (AccessTable.AllowedFor(r) ?? []).Contains(caller)))
        {
            var url = fixture.Seeded.Url(route.Template);
            var response = await fixture.As(caller).Client.GetAsync(url);
            if (response.StatusCode == HttpStatusCode.OK && PageUrls.IsHtml(response))
            {
                pages.Add((url, await response.Content.ReadAsStringAsync()));
            }
        }

        return pages;
    }
}
