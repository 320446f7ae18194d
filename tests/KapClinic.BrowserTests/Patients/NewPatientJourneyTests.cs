using System.Text.RegularExpressions;
using KapClinic.Core.Measures;
using KapClinic.Core.Screening;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.Playwright;

namespace KapClinic.BrowserTests.Patients;

/// <summary>
/// Issue 3's journey, by hand as a clinician would: register a patient, record a screening, record a PHQ-9 with
/// item 9 above 0, then see the suicide-risk alert and the trend chart on the chart.
/// </summary>
public sealed partial class NewPatientJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_clinician_registers_a_patient_screens_them_records_a_phq9_and_sees_the_alert_and_the_chart()
    {
        var email = $"prescriber-{Guid.NewGuid():N}@clinic.test";
        await TestUsers.CreateAsync(fixture.Factory, ClinicRoles.Clinician, email, prescriber: true, name: "Dr. Ines Moreau");
        var page = await fixture.NewPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync(); // confirm() before signing
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // Register.
        await page.GetByRole(AriaRole.Link, new() { Name = "Patients", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Register a patient" }).ClickAsync();
        await page.GetByLabel("Legal first name").FillAsync("Renée");
        await page.GetByLabel("Legal last name").FillAsync("Castañeda");
        await page.GetByLabel("Date of birth").FillAsync("1984-04-12");
        await page.GetByLabel("Sex assigned at birth").SelectOptionAsync(new SelectOptionValue { Label = "Female" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Register patient" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(ChartUrl());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Renée Castañeda");

        // Screen: everything "No" but glaucoma, which makes the result Relative; then sign as prescriber.
        await page.GetByRole(AriaRole.Link, new() { Name = "Start screening" }).ClickAsync();
        foreach (var item in ScreeningItems.All)
        {
            var group = page.GetByRole(AriaRole.Group, new() { Name = item.Label, Exact = true });
            await group.GetByLabel(item.Item == ScreeningItem.Glaucoma ? "Yes" : "No", new() { Exact = true }).CheckAsync();
            if (item.Item == ScreeningItem.Glaucoma)
            {
                await group.GetByLabel($"Note on {item.Label}").FillAsync("Open-angle, treated; ophthalmology letter on file");
            }
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save screening" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Relative").First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign as prescriber" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Dr. Ines Moreau").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "journey-01-screening-signed");

        // A PHQ-9, item by item with the keyboard-friendly radios; item 9 above 0.
        await page.GotoAsync(page.Url.Split("/Screening")[0]);
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a measure" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "PHQ-9" }).ClickAsync();
        var phq9 = Instruments.Get(Instrument.Phq9);
        int[] answers = [2, 2, 1, 1, 1, 1, 1, 0, 1];
        for (var i = 0; i < phq9.ItemCount; i++)
        {
            var item = page.GetByRole(AriaRole.Group, new() { Name = $"{i + 1}. {phq9.ItemLabels[i]}" });
            await item.GetByRole(AriaRole.Radio).Nth(answers[i]).CheckAsync();
        }

        await BrowserFixture.ScreenshotAsync(page, "journey-02-phq9-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Score and save" }).ClickAsync();

        // The chart: the status line, the danger alert and the trend chart.
        await Assertions.Expect(page).ToHaveURLAsync(ChartUrl());
        await Assertions.Expect(page.GetByText("PHQ-9 recorded: total 10 (Moderate). Alert: suicide risk")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Suicide risk: item 9 of the latest PHQ-9")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "PHQ-9 trend" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "journey-03-chart-with-alert");
    }

    [GeneratedRegex(@"/Patients/[0-9a-f-]{36}$")]
    private static partial Regex ChartUrl();
}
