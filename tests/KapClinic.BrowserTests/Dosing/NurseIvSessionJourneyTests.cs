using System.Globalization;
using System.Text.RegularExpressions;
using KapClinic.Core.Settings;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KapClinic.BrowserTests.Dosing;

/// <summary>
/// The journey, only through the pages: a nurse (not a prescriber) runs a whole IV ketamine session from the
/// checklist to the signed note, meeting the blood-pressure hold (overridden with the prescriber's password) and an
/// SpO2 alert on the way. The app's clock is moved ten minutes at a time, as the session's readings are taken.
/// </summary>
public sealed partial class NurseIvSessionJourneyTests(FakeClockBrowserFixture fixture) : IClassFixture<FakeClockBrowserFixture>
{
    private const string Override = "Rechecked after 15 min rest: 162/96; asymptomatic; usual BP 150s. I am at the chair.";

    [Fact]
    public async Task A_nurse_runs_an_iv_session_from_checklist_to_signed_note_through_a_blood_pressure_hold_and_an_spo2_alert()
    {
        var email = $"nurse-{Guid.NewGuid():N}@clinic.test";
        await TestUsers.CreateAsync(fixture.Factory, ClinicRoles.Clinician, email, name: "Jordan Avery, RN");
        await TestUsers.CreateAsync(fixture.Factory, ClinicRoles.Clinician, prescriber: true, name: "Dr. Camila Núñez");
        var patientId = await TestPatients.CreateAsync(fixture.Factory, TestPatients.Details("Marisol", "Quintero"));
        var courseId = await ReadyCourseSeed.CreateAsync(fixture.Factory, patientId, fixture.Now);
        var page = await SignedInAsync(email);

        // Start from the course page; the checklist, with the blood pressure at the hold threshold.
        await page.GotoAsync($"/Patients/{patientId}/Courses/{courseId}");
        await Shot(page, "01-course");
        await page.GetByRole(AriaRole.Link, new() { Name = "Start dosing session" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("start-readiness")).ToContainTextAsync("ready to dose");
        await Assertions.Expect(page.GetByLabel("Prescriber on site")).ToContainTextAsync("Dr. Camila Núñez");
        await Shot(page, "02-start");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start dosing session" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(ChecklistUrl());
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Identity verified" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Consent current" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Fasting" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "No contraindicated medication taken today" }).CheckAsync();
        await page.GetByLabel("Name of the person driving").FillAsync("Sam Quintero");
        await page.GetByLabel("Their phone").FillAsync("+1 555 0100 301");
        await page.GetByText("Not applicable", new() { Exact = true }).ClickAsync(); // a toggle button: its label is what one taps
        await Assertions.Expect(page.GetByLabel("Not applicable")).ToBeCheckedAsync();
        await page.GetByLabel("Intention for today").FillAsync("To meet the grief without running.");
        await page.GetByText("Mood 6", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Mood 6", new() { Exact = true })).ToBeCheckedAsync();
        await page.GetByLabel("Weight of the day (kg)").FillAsync("70");
        await page.GetByLabel("Systolic (mmHg)").FillAsync("164");
        await page.GetByLabel("Diastolic (mmHg)").FillAsync("96");
        await page.GetByLabel("Heart rate (/min)").FillAsync("78");
        await page.GetByLabel("SpO2 (%)").FillAsync("98");
        await page.GetByLabel("Respiratory rate (/min)").FillAsync("14");
        await Assertions.Expect(page.GetByTestId("cssrs-found")).ToContainTextAsync("Saving this checklist links it");
        await Shot(page, "03-checklist");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save checklist" }).ClickAsync();

        // The gate: the dose page shows the hold; recording the dose is refused until the prescriber confirms an override.
        await Assertions.Expect(page).ToHaveURLAsync(SessionUrl("/Dose"));
        await Assertions.Expect(page.GetByTestId("dose-hold")).ToContainTextAsync("164/96");
        await page.GetByLabel("Dose (mg)").FillAsync("35");
        await Assertions.Expect(page.GetByTestId("dose-per-kg")).ToHaveTextAsync("0.50 mg/kg at 70 kg");
        await page.GetByLabel("Concentration (mg/mL)").FillAsync("10");
        await Assertions.Expect(page.GetByLabel("Volume (mL)")).ToHaveValueAsync("3.5");
        await page.GetByLabel("Infusion rate (mL/h)").FillAsync("5.25");
        await page.GetByLabel("Lot number").FillAsync("KET-24-0917");
        await Shot(page, "04-dose-held");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record dose" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("override")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel(new Regex("blood pressure .* is at or above the hold threshold"))).ToBeFocusedAsync();
        await page.GetByLabel(new Regex("blood pressure .* is at or above the hold threshold")).FillAsync(Override);
        await page.GetByLabel("Prescriber on site's password (Dr. Camila Núñez)").FillAsync(TestUsers.Password);
        await Shot(page, "05-override");
        await page.GetByRole(AriaRole.Button, new() { Name = "Override and record the dose" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(SessionUrl(string.Empty));
        var sessionUrl = page.Url;
        await Assertions.Expect(page.GetByTestId("session-status")).ToHaveTextAsync("Monitoring");
        await Assertions.Expect(page.GetByTestId("overrides")).ToContainTextAsync(Override);

        // Readings in place: the page is not reloaded between them (a marker set on the page survives).
        fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        await page.ReloadAsync();
        await page.EvaluateAsync("() => { window.kapNoReload = true; }");
        await ReadingAsync(page, "148", "90", "88", "97", "5", "Infusion running, chatting.");
        await Shot(page, "06-first-reading");

        fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        // The browser's clock does not follow the app's fake one: the nurse types the time of this reading.
        await page.GetByLabel("Time", new() { Exact = true }).FillAsync(await WallAsync(fixture.Now));
        await ReadingAsync(page, "132", "84", "76", "90", "3", "Snoring; roused, jaw thrust, O2 2 L/min.");
        await Assertions.Expect(page.GetByTestId("reading-alert")).ToContainTextAsync("SpO2 90 % is below 92 %.");
        await Assertions.Expect(page.GetByTestId("reading-alert")).ToContainTextAsync("Recommended: Stop the infusion");
        Assert.True(await page.EvaluateAsync<bool>("() => window.kapNoReload === true"));
        Assert.Equal(sessionUrl, page.Url);
        await Shot(page, "07-alert");

        // Ten minutes a step to the end of the minimum monitoring: readings, and the infusion's end at 40 minutes.
        for (var minutes = 30; minutes <= 90; minutes += 10)
        {
            fixture.Clock.Advance(TimeSpan.FromMinutes(10));
            await page.ReloadAsync();
            if (minutes == 40)
            {
                await page.GetByLabel("Infusion 1 ended at").FillAsync(await WallAsync(fixture.Now));
                await page.GetByRole(AriaRole.Button, new() { Name = "Record infusion end" }).ClickAsync();
                await Assertions.Expect(page.GetByTestId("earliest-discharge")).ToHaveTextAsync(await WallAsync(fixture.Now.AddMinutes(60), "HH:mm"));
                await Shot(page, "08-infusion-ended");
            }

            await ReadingAsync(page, (146 - (minutes / 5)).ToString(CultureInfo.InvariantCulture), "84", "74", "97", minutes < 60 ? "4" : "5", null);
        }

        // Discharge at the minimum (60 min after the infusion ended), then sign.
        fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        await page.GetByRole(AriaRole.Link, new() { Name = "Discharge…" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("earliest-discharge")).ToContainTextAsync("Earliest discharge");
        await page.GetByLabel("The patient's own account of the experience").FillAsync("Like floating above the grief, not under it.");
        await page.GetByLabel("Vitals back near baseline").CheckAsync();
        await page.GetByLabel("Alert and oriented").CheckAsync();
        await page.GetByLabel("Walking steadily").CheckAsync();
        await page.GetByLabel("Nausea controlled").CheckAsync();
        await page.GetByLabel("A responsible adult is present to take the patient home").CheckAsync();
        await page.GetByLabel("These instructions were given to the patient and the person taking them home").CheckAsync();
        await Assertions.Expect(page.GetByLabel("Left with")).ToHaveValueAsync("Sam Quintero");
        await Shot(page, "09-discharge");
        await page.GetByRole(AriaRole.Button, new() { Name = "Discharge the patient" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("session-status")).ToHaveTextAsync("Discharged");
        await Shot(page, "10-discharged");
        string? confirmation = null;
        page.Dialog += async (_, dialog) =>
        {
            confirmation = dialog.Message;
            await dialog.AcceptAsync();
        };
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign session note" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("session-status")).ToHaveTextAsync("Signed");
        await Assertions.Expect(page.GetByTestId("note-status")).ToContainTextAsync("Signed by Jordan Avery, RN");
        Assert.StartsWith("Sign this dosing session note?", confirmation, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByTestId("overrides")).ToContainTextAsync(Override);
        await Assertions.Expect(page.GetByTestId("reading-alert")).ToContainTextAsync("SpO2 90 %");
        await Assertions.Expect(page.GetByTestId("reading-row")).ToHaveCountAsync(9);
        await Assertions.Expect(page.GetByTestId("discharge-summary")).ToContainTextAsync("Sam Quintero");
        await Assertions.Expect(page.GetByText("Not applicable", new() { Exact = true })).ToBeVisibleAsync();
        foreach (var button in new[] { "Save reading", "Record infusion end", "Sign session note", "Record adverse event" })
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = button })).ToHaveCountAsync(0);
        }

        // Only the addendum form is left on the record.
        await Assertions.Expect(page.Locator("[data-monitor] form:not([data-warn-unsaved])")).ToHaveCountAsync(0);
        await Shot(page, "11-signed");
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(1180, 820);
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToHaveCountAsync(0);
        return page;
    }

    /// <summary>The add-reading row, saved with fetch: announced, and the form comes back empty.</summary>
    private static async Task ReadingAsync(IPage page, string systolic, string diastolic, string heartRate, string spO2, string moaas, string? comment)
    {
        var before = await page.GetByTestId("reading-row").CountAsync();
        await page.GetByLabel("BP systolic").FillAsync(systolic);
        await page.GetByLabel("BP diastolic").FillAsync(diastolic);
        await page.GetByLabel("HR", new() { Exact = true }).FillAsync(heartRate);
        await page.GetByLabel("SpO2 %").FillAsync(spO2);
        await page.GetByLabel("RR", new() { Exact = true }).FillAsync("14");
        await page.GetByLabel("MOAA/S sedation").SelectOptionAsync(moaas);
        await page.GetByLabel("Dissociation").SelectOptionAsync(moaas == "5" ? "Absent" : "Present");
        await page.GetByLabel("Nausea").SelectOptionAsync("None");
        if (comment is not null)
        {
            await page.GetByLabel("Comment").FillAsync(comment);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save reading" }).ClickAsync();
        await Assertions.Expect(page.Locator("#monitor-live")).ToContainTextAsync("Reading saved at");
        await Assertions.Expect(page.GetByTestId("reading-row")).ToHaveCountAsync(before + 1);
        await Assertions.Expect(page.GetByLabel("BP systolic")).ToHaveValueAsync(string.Empty);
    }

    /// <summary>A moment as the clinic's wall clock shows it (the value of a datetime-local field, by default).</summary>
    private async Task<string> WallAsync(DateTimeOffset at, string format = "yyyy-MM-ddTHH:mm")
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var zone = (await scope.ServiceProvider.GetRequiredService<ClinicSettingsService>().GetAsync()).TimeZone;
        return TimeZoneInfo.ConvertTime(at, zone).ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>From the top of the page: a full-page shot taken scrolled down paints the sticky monitoring bar mid-page.</summary>
    private static async Task Shot(IPage page, string name)
    {
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await BrowserFixture.ScreenshotAsync(page, "iv-journey-" + name);
    }

    private static Regex SessionUrl(string suffix) => new($"/Patients/[0-9a-f-]+/Dosing/[0-9a-f-]+{Regex.Escape(suffix)}$");

    [GeneratedRegex("/Patients/[0-9a-f-]+/Dosing/[0-9a-f-]+/Checklist$")]
    private static partial Regex ChecklistUrl();
}
