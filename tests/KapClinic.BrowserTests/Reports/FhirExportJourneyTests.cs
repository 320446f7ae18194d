using KapClinic.Core.Data;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KapClinic.BrowserTests.Reports;

/// <summary>An administrator downloads a patient's FHIR Bundle by MRN, mistypes an MRN and a period, then downloads the bulk zip.</summary>
public sealed class FhirExportJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_admin_downloads_a_patient_bundle_by_MRN_and_a_bulk_zip_for_a_period()
    {
        var email = $"admin-{Guid.NewGuid():N}@clinic.test";
        await TestUsers.CreateAsync(fixture.Factory, ClinicRoles.Admin, email, name: "Morgan Lee");
        var patientId = await TestPatients.CreateAsync(fixture.Factory);
        string mrn;
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            mrn = await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().Patients.Where(p => p.Id == patientId).Select(p => p.Mrn).SingleAsync();
        }

        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GotoAsync("/Reports/Fhir");
        await page.GetByLabel("Patient MRN").FillAsync("KAP-999999");
        await page.GetByRole(AriaRole.Button, new() { Name = "Download patient Bundle" }).ClickAsync();
        await Assertions.Expect(page.GetByText("No patient has this MRN")).ToBeVisibleAsync();
        await page.GetByLabel("First day").FillAsync("2026-03-10");
        await page.GetByLabel("Last day").FillAsync("2026-03-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Download zip" }).ClickAsync();
        await Assertions.Expect(page.GetByText("The last day must be on or after the first day.")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "fhir-export-01-messages");

        await page.GetByLabel("Patient MRN").FillAsync(mrn);
        var bundle = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download patient Bundle" }).ClickAsync());
        Assert.Equal($"kapclinic-patient-{patientId}.json", bundle.SuggestedFilename);
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", "fhir-bundle.json");
        await bundle.SaveAsAsync(path);
        Assert.Contains("\"resourceType\":\"Bundle\"", await File.ReadAllTextAsync(path), StringComparison.Ordinal);

        await page.GetByLabel("Last day").FillAsync("2026-03-31");
        var zip = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download zip" }).ClickAsync());
        Assert.Equal("kapclinic-fhir-20260310-20260331.zip", zip.SuggestedFilename);
        await BrowserFixture.ScreenshotAsync(page, "fhir-export-02-after-downloads");
    }
}
