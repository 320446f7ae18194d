using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using KapClinic.BrowserTests.Dosing;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.Playwright;

namespace KapClinic.BrowserTests.Reports;

/// <summary>A member of staff opens the reports, filters the dosing vitals by date and downloads them as CSV and XLSX.</summary>
public sealed class ReportsJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Staff_filter_the_dosing_vitals_by_date_and_download_a_csv_and_an_xlsx()
    {
        var clinician = await TestUsers.CreateAsync(fixture.Factory, ClinicRoles.Clinician, name: "Dr. Priya Shah");
        var prescriber = await TestUsers.CreateAsync(fixture.Factory, ClinicRoles.Clinician, prescriber: true, name: "Dr. Ana Ruiz");
        await MonitorSeed.SessionAsync(fixture.Factory, clinician, prescriber);
        var email = $"staff-{Guid.NewGuid():N}@clinic.test";
        await TestUsers.CreateAsync(fixture.Factory, ClinicRoles.Staff, email, name: "Jo Front");
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Reports", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dosing vitals" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "reports-01-catalogue");
        await page.GetByRole(AriaRole.Link, new() { Name = "Open Dosing vitals" }).ClickAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await page.GetByLabel("First day").FillAsync(today.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Last day").FillAsync(today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("preview")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("totals")).ToContainTextAsync("Readings");
        await BrowserFixture.ScreenshotAsync(page, "reports-02-dosing-vitals");

        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" }).ClickAsync());
        var csvPath = Path.Combine(AppContext.BaseDirectory, "screenshots", "dosing-vitals.csv");
        await csv.SaveAsAsync(csvPath);
        var lines = await File.ReadAllLinesAsync(csvPath);
        Assert.StartsWith("Session start,MRN,Initials,Taken at,Minutes since dose", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.True(lines.Length >= 10, $"{lines.Length} lines");
        Assert.EndsWith(".csv", csv.SuggestedFilename, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#export-status")).ToContainTextAsync("Downloaded");

        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export XLSX" }).ClickAsync());
        var xlsxPath = Path.Combine(AppContext.BaseDirectory, "screenshots", "dosing-vitals.xlsx");
        await xlsx.SaveAsAsync(xlsxPath);
        using var document = SpreadsheetDocument.Open(xlsxPath, false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        Assert.Equal("Session start", rows[0].Elements<Cell>().First().InnerText);
        Assert.Equal(lines.Length - 1, rows.Count(r => r.Elements<Cell>().Count() > 1) - 1);
    }
}
