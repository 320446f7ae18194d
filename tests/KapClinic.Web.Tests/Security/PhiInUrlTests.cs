using System.Globalization;
using System.Text.RegularExpressions;
using KapClinic.Core.Data;
using KapClinic.Web.Tests.Security.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Security;

/// <summary>
/// URLs end up in browser history, proxy and server logs and Referer headers: no page links to a URL carrying the
/// seeded patient's name, MRN, date of birth or email (ids are fine).
/// </summary>
[Collection(SecurityRoutes.Name)]
public sealed partial class PhiInUrlTests(SecurityFixture fixture)
{
    [Fact]
    public async Task No_page_links_to_a_url_carrying_the_patients_name_mrn_date_of_birth_or_email()
    {
        var phi = await PatientPhiAsync();
        var problems = new List<string>();
        var pagesWithPatientLinks = 0;
        foreach (var caller in SecurityFixture.Callers.Where(c => c != Caller.Anonymous))
        {
            foreach (var route in fixture.Routes)
            {
                foreach (var handler in route.Gets)
                {
                    var url = fixture.Seeded.Url(route.Template, handler);
                    var response = await fixture.As(caller).Client.GetAsync(url);
                    if (!PageUrls.IsHtml(response))
                    {
                        continue;
                    }

                    var links = PageUrls.In(await response.Content.ReadAsStringAsync()).Select(Readable).ToList();
                    pagesWithPatientLinks += links.Any(l => l.Contains(fixture.Seeded.PatientId.ToString(), StringComparison.Ordinal)) ? 1 : 0;
                    problems.AddRange(
                        from link in links
                        from value in phi
                        where Guids().Replace(link, "{id}").Contains(value, StringComparison.OrdinalIgnoreCase)
                        select $"{url} as {caller}: link {link} carries \"{value}\"");
                }
            }
        }

        Assert.True(pagesWithPatientLinks > 10, $"Only {pagesWithPatientLinks} pages link to the seeded patient: the walk is not reaching the chart.");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Distinct()));
    }

    private async Task<List<string>> PatientPhiAsync()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var patient = await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().Patients.AsNoTracking()
            .SingleAsync(p => p.Id == fixture.Seeded.PatientId);
        var birth = patient.DateOfBirth;
        return new[]
        {
            patient.LegalFirstName, patient.LegalLastName, patient.PreferredName, patient.Mrn, patient.Email,
            birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), birth.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture),
            birth.ToString("M/d/yyyy", CultureInfo.InvariantCulture), birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
        }.OfType<string>().Where(v => v.Length >= 3).SelectMany(v => v.Split(' ').Append(v)).Where(v => v.Length >= 3).Distinct().ToList();
    }

    private static string Readable(string url)
    {
        var decoded = Uri.UnescapeDataString(url.Replace('+', ' '));
        return System.Net.WebUtility.HtmlDecode(decoded);
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guids();
}
