using System.Text.RegularExpressions;
using KapClinic.Core.Courses;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.Playwright;

namespace KapClinic.BrowserTests.Dosing;

/// <summary>
/// A nurse starts an IV session from the course page, fills the checklist on a tablet-sized screen (blood pressure
/// at the hold), meets the hold on the dose page, and records the dose with the prescriber's password and a reason.
/// </summary>
public sealed partial class DoseStartJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_nurse_starts_a_session_fills_the_checklist_meets_the_blood_pressure_hold_and_records_the_dose_with_an_override()
    {
        var nurseEmail = $"nurse-{Guid.NewGuid():N}@clinic.test";
        await TestUsers.CreateAsync(fixture.Factory, ClinicRoles.Clinician, nurseEmail, name: "Jamie Lee");
        await TestUsers.CreateAsync(fixture.Factory, ClinicRoles.Clinician, prescriber: true, name: "Dr. Camila Núñez");
        var patientId = await TestPatients.CreateAsync(fixture.Factory, TestPatients.Details("Marisol", "Quintero"));
        var courseId = await ReadyCourseAsync(patientId);
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(820, 1180);
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(nurseEmail);
        await page.GetByLabel("Password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync(); // signed in (password and code) before moving on

        await page.GotoAsync($"/Patients/{patientId}/Courses/{courseId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Start dosing session" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("start-readiness")).ToContainTextAsync("ready to dose");
        await Assertions.Expect(page.GetByLabel("Prescriber on site")).ToHaveValueAsync(new Regex("[0-9a-f-]{36}"));
        await BrowserFixture.ScreenshotAsync(page, "dosing-01-start");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start dosing session" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(ChecklistUrl());
        await page.GetByText("Identity verified").ClickAsync();
        await page.GetByText("Consent current").ClickAsync();
        await page.GetByText("Fasting", new() { Exact = true }).ClickAsync();
        await page.GetByText("No contraindicated medication taken today").ClickAsync();
        await page.GetByLabel("Name of the person driving").FillAsync("Sam Quintero");
        await page.GetByLabel("Their phone").FillAsync("+1 555 0100 301");
        await page.GetByText("Not applicable").ClickAsync();
        await page.GetByLabel("Intention for today").FillAsync("To meet the grief without running.");
        await page.GetByText("Mood 6", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("Weight of the day (kg)").FillAsync("70");
        await page.GetByLabel("Systolic (mmHg)").FillAsync("164");
        await page.GetByLabel("Diastolic (mmHg)").FillAsync("96");
        await page.GetByLabel("Heart rate (/min)").FillAsync("78");
        await page.GetByLabel("SpO2 (%)").FillAsync("98");
        await page.GetByLabel("Respiratory rate (/min)").FillAsync("14");
        await BrowserFixture.ScreenshotAsync(page, "dosing-02-checklist");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save checklist" }).ClickAsync();

        // The C-SSRS was taken in another tab: saving picks it up and the checklist is complete.
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Checklist complete.");
        await Assertions.Expect(page).ToHaveURLAsync(DoseUrl());
        await Assertions.Expect(page.GetByTestId("dose-hold")).ToContainTextAsync("164/96");
        await page.GetByLabel("Dose (mg)").FillAsync("35");
        await Assertions.Expect(page.GetByTestId("dose-per-kg")).ToHaveTextAsync("0.50 mg/kg at 70 kg");
        await page.GetByLabel("Concentration (mg/mL)").FillAsync("10");
        await Assertions.Expect(page.GetByLabel("Volume (mL)")).ToHaveValueAsync("3.5");
        await page.GetByLabel("Lot number").FillAsync("KET-24-0917");
        await BrowserFixture.ScreenshotAsync(page, "dosing-03-dose");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record dose" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("override")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Dose (mg)")).ToHaveValueAsync("35");
        await page.GetByLabel(new Regex("blood pressure .* is at or above the hold threshold")).FillAsync("Rechecked after 15 min rest: 158/94; asymptomatic.");
        await page.GetByLabel("Prescriber on site's password (Dr. Camila Núñez)").FillAsync(TestUsers.Password);
        await BrowserFixture.ScreenshotAsync(page, "dosing-04-override");
        await page.GetByRole(AriaRole.Button, new() { Name = "Override and record the dose" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(SessionUrl());
    }

    [Fact]
    public async Task An_iv_session_shows_its_route_read_only_with_the_infusion_fields()
    {
        var page = await DosePageOfANewSessionAsync(DefaultProtocols.IvKetamineId);

        await Assertions.Expect(page.GetByTestId("dose-route")).ToHaveTextAsync("IV (intravenous)");
        await Assertions.Expect(page.Locator("[name='Input.Route']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("Infusion end (clinic time)")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Infusion rate (mL/h)")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Devices")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("dose-hold").First).ToContainTextAsync("checklist is incomplete");
        await BrowserFixture.ScreenshotAsync(page, "dosing-05-dose-incomplete");
    }

    [Fact]
    public async Task An_esketamine_session_asks_for_devices_which_fill_the_dose_and_has_no_infusion_fields()
    {
        var page = await DosePageOfANewSessionAsync(DefaultProtocols.EsketamineId);

        await Assertions.Expect(page.GetByTestId("dose-route")).ToHaveTextAsync("Intranasal");
        await Assertions.Expect(page.GetByLabel("Infusion end (clinic time)")).ToHaveCountAsync(0);
        await page.GetByLabel("Devices").FillAsync("2");
        await Assertions.Expect(page.GetByLabel("Dose (mg)")).ToHaveValueAsync("56");
        await BrowserFixture.ScreenshotAsync(page, "dosing-06-esketamine");
    }

    private async Task<IPage> DosePageOfANewSessionAsync(Guid protocolId)
    {
        var email = $"prescriber-{Guid.NewGuid():N}@clinic.test";
        await TestUsers.CreateAsync(fixture.Factory, ClinicRoles.Clinician, email, prescriber: true, name: "Dr. Ravi Shah");
        var patientId = await TestPatients.CreateAsync(fixture.Factory);
        var courseId = await ReadyCourseAsync(patientId, protocolId);
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync(); // signed in (password and code) before moving on
        await page.GotoAsync($"/Patients/{patientId}/Courses/{courseId}/Dosing/New");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start dosing session" }).ClickAsync();
        await page.GotoAsync(page.Url.Replace("/Checklist", "/Dose", StringComparison.Ordinal));
        return page;
    }

    private Task<Guid> ReadyCourseAsync(Guid patientId, Guid? protocolId = null) =>
        ReadyCourseSeed.CreateAsync(fixture.Factory, patientId, DateTimeOffset.UtcNow, protocolId);

    [GeneratedRegex("/Patients/[0-9a-f-]+/Dosing/[0-9a-f-]+/Checklist$")]
    private static partial Regex ChecklistUrl();

    [GeneratedRegex("/Patients/[0-9a-f-]+/Dosing/[0-9a-f-]+/Dose$")]
    private static partial Regex DoseUrl();

    [GeneratedRegex("/Patients/[0-9a-f-]+/Dosing/[0-9a-f-]+$")]
    private static partial Regex SessionUrl();
}
