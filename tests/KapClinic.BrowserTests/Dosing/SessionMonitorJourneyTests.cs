using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.Playwright;

namespace KapClinic.BrowserTests.Dosing;

/// <summary>The monitor page on a tablet: a reading saved without reloading, announced, focus kept; a wrong value explained beside its field.</summary>
public sealed class SessionMonitorJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_nurse_adds_a_reading_in_place_and_a_typing_error_is_explained_beside_the_field()
    {
        var email = $"nurse-{Guid.NewGuid():N}@clinic.test";
        var clinicianId = await TestUsers.CreateAsync(fixture.Factory, ClinicRoles.Clinician, email, name: "Jordan Lee, RN");
        var prescriberId = await TestUsers.CreateAsync(fixture.Factory, ClinicRoles.Clinician, prescriber: true, name: "Dr. Camila Núñez");
        var (patientId, sessionId) = await MonitorSeed.SessionAsync(fixture.Factory, clinicianId, prescriberId);
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(1180, 820);
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync(); // signed in (password and code) before moving on

        await page.GotoAsync($"/Patients/{patientId}/Dosing/{sessionId}");
        await Assertions.Expect(page.GetByTestId("reading-alert")).ToContainTextAsync("Recommended:");
        await Assertions.Expect(page.GetByTestId("overrides")).ToContainTextAsync("Blood pressure hold");
        await BrowserFixture.ScreenshotAsync(page, "dosing-01-monitor");
        await page.SetViewportSizeAsync(820, 1180);
        await BrowserFixture.ScreenshotAsync(page, "dosing-01-monitor-portrait");

        // Tablet in portrait: "Add a reading" in the sticky bar puts the focus in the form's first field, in view.
        await page.GetByTestId("add-reading-jump").ClickAsync();
        await Assertions.Expect(page.GetByLabel("Time", new() { Exact = true })).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByLabel("Time", new() { Exact = true })).ToBeInViewportAsync();
        await BrowserFixture.ScreenshotAsync(page, "dosing-01-monitor-add-reading");
        await page.SetViewportSizeAsync(1180, 820);
        await page.EvaluateAsync("() => { window.kapNoReload = true; }");

        await page.GetByLabel("BP systolic").FillAsync("126");
        await page.GetByLabel("BP diastolic").FillAsync("80");
        await page.GetByLabel("HR", new() { Exact = true }).FillAsync("72");
        await page.GetByLabel("SpO2 %").FillAsync("98");
        await page.GetByLabel("RR", new() { Exact = true }).FillAsync("14");
        await page.GetByLabel("MOAA/S sedation").SelectOptionAsync("5");
        await page.GetByLabel("Comment").FillAsync("Ready to talk about it.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save reading" }).ClickAsync();

        await Assertions.Expect(page.Locator("#monitor-live")).ToContainTextAsync("Reading saved at");
        await Assertions.Expect(page.GetByTestId("reading-row").Last).ToContainTextAsync("Ready to talk about it.");
        await Assertions.Expect(page.GetByLabel("BP systolic")).ToHaveValueAsync(string.Empty);
        await Assertions.Expect(page.GetByLabel("Time", new() { Exact = true })).ToBeFocusedAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.kapNoReload === true"));

        await page.GetByLabel("BP systolic").FillAsync("300");
        await page.GetByLabel("BP diastolic").FillAsync("80");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save reading" }).ClickAsync();

        await Assertions.Expect(page.Locator("#reading-sys-error")).ToHaveTextAsync("Systolic blood pressure must be 50-260 mmHg.");
        await Assertions.Expect(page.GetByLabel("BP systolic")).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByLabel("BP diastolic")).ToHaveValueAsync("80");
        Assert.True(await page.EvaluateAsync<bool>("() => window.kapNoReload === true"));
        await BrowserFixture.ScreenshotAsync(page, "dosing-02-error");

        await page.SetViewportSizeAsync(820, 1180);
        await page.GotoAsync($"/Patients/{patientId}/Dosing/{sessionId}/Discharge");
        await BrowserFixture.ScreenshotAsync(page, "dosing-03-discharge");
    }
}
