using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Task = System.Threading.Tasks.Task;

namespace KapClinic.Web.Tests.Reports;

public sealed class FhirExportPageTests(FhirFixture fixture) : IClassFixture<FhirFixture>
{
    private const string Url = "/Reports/Fhir";

    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task Staff_get_403_on_the_page_and_on_the_downloads()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{Url}?handler=Bundle&patient={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{Url}?handler=Bulk&From=2026-01-01&To=2026-01-31")).StatusCode);
    }

    [Fact]
    public async Task An_MRN_posted_leads_to_a_download_by_patient_id_of_a_FHIR_json_bundle()
    {
        var seed = await FhirRecordSeed.CreateAsync(App);
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);

        var posted = await HtmlForms.PostAsync(client, Url, new Dictionary<string, string> { ["Patient.Mrn"] = seed.Mrn }, $"{Url}?handler=Patient");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var location = posted.Headers.Location!.ToString();
        Assert.Equal($"{Url}?patient={seed.PatientId}&handler=Bundle", location);
        Assert.DoesNotContain(seed.Mrn, location, StringComparison.OrdinalIgnoreCase);
        var download = await client.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/fhir+json", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"kapclinic-patient-{seed.PatientId}.json", download.Content.Headers.ContentDisposition!.FileNameStar);
        var bundle = FhirJsonDeserializer.STRICT.Deserialize<Bundle>(Encoding.UTF8.GetString(await download.Content.ReadAsByteArrayAsync()));
        Assert.Equal(24, bundle.Entry.Count);
    }

    [Fact]
    public async Task An_unknown_MRN_is_shown_beside_the_field_with_what_was_typed()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);

        var posted = await HtmlForms.PostAsync(client, Url, new Dictionary<string, string> { ["Patient.Mrn"] = "KAP-999999" }, $"{Url}?handler=Patient");

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var page = new HtmlParser().ParseDocument(await posted.Content.ReadAsStringAsync());
        Assert.Equal("KAP-999999", page.QuerySelector("#Patient_Mrn")!.GetAttribute("value"));
        Assert.Contains("No patient has this MRN", page.QuerySelector("#mrn-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Url}?handler=Bundle&patient={Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task A_bad_period_is_refused_beside_the_fields_and_a_good_one_downloads_a_zip()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);

        var inverted = await client.GetAsync($"{Url}?handler=Bulk&From=2026-03-10&To=2026-03-01");
        Assert.Equal(HttpStatusCode.OK, inverted.StatusCode);
        var page = new HtmlParser().ParseDocument(await inverted.Content.ReadAsStringAsync());
        Assert.Contains("on or after the first day", page.QuerySelector("#to-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2026-03-10", page.QuerySelector("#From")!.GetAttribute("value"));
        var missing = new HtmlParser().ParseDocument(await client.GetStringAsync($"{Url}?handler=Bulk"));
        Assert.Contains("Enter the first day", missing.QuerySelector("#from-error")!.TextContent, StringComparison.Ordinal);

        var zip = await client.GetAsync($"{Url}?handler=Bulk&From=2026-03-01&To=2026-03-10");
        Assert.Equal(HttpStatusCode.OK, zip.StatusCode);
        Assert.Equal("application/zip", zip.Content.Headers.ContentType!.MediaType);
        Assert.Equal("kapclinic-fhir-20260301-20260310.zip", zip.Content.Headers.ContentDisposition!.FileNameStar);
        using var archive = new System.IO.Compression.ZipArchive(await zip.Content.ReadAsStreamAsync());
        Assert.Equal(6, archive.Entries.Count);
    }
}
