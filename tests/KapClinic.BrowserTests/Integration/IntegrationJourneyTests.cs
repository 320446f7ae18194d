using KapClinic.Core.Consents;
using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Screening;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KapClinic.BrowserTests.Integration;

/// <summary>
/// A therapist prepares a patient from the course timeline (two preparation sessions, the second Ready), later
/// writes two integration notes (the second carries the first one's homework forward, marked done) and adds an
/// addendum to a signed note.
/// </summary>
public sealed class IntegrationJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Homework = "Five minutes of breath practice each morning";

    [Fact]
    public async Task A_clinician_prepares_a_patient_then_writes_integration_notes_that_carry_homework_forward_and_adds_an_addendum()
    {
        var email = $"rivera-{Guid.NewGuid():N}@clinic.test";
        await TestUsers.CreateAsync(fixture.Factory, ClinicRoles.Clinician, email, name: "Dr. Ana Rivera");
        var patientId = await TestPatients.CreateAsync(fixture.Factory, TestPatients.Details("Marisol", "Quintero"));
        await CourseWithScreeningAndConsentAsync(patientId);
        var page = await fixture.NewPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync(); // signed in (password and code) before moving on

        await page.GotoAsync($"/Patients/{patientId}");
        var timeline = page.Locator("#courses").GetByTestId("course-timeline");
        await Assertions.Expect(timeline.GetByTestId("readiness")).ToContainTextAsync("0 of 2 planned preparation sessions are signed.");

        // Two preparation sessions from the timeline: the first Not yet, the second Ready.
        await WritePreparationAsync(page, ready: false);
        await page.GotoAsync($"/Patients/{patientId}");
        await WritePreparationAsync(page, ready: true);
        await page.GotoAsync($"/Patients/{patientId}");
        await Assertions.Expect(timeline.GetByTestId("course-counts")).ToHaveTextAsync("Signed: 2 of 2 preparation, 0 of 6 dosing, 0 of 6 integration");
        await Assertions.Expect(timeline.GetByTestId("readiness")).ToHaveTextAsync("Ready to dose");

        // The first integration note sets homework.
        await timeline.GetByRole(AriaRole.Link, new() { Name = "New integration note" }).ClickAsync();
        await page.GetByLabel("Grief").CheckAsync();
        await page.GetByLabel("Parts work / IFS").CheckAsync();
        await page.GetByLabel("Insights", new() { Exact = true }).FillAsync("The critical voice is trying to protect me.");
        await page.GetByLabel("New homework item 1").FillAsync(Homework);
        await page.GetByLabel("Clinical judgement").CheckAsync();
        await page.GetByLabel("Low", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Risk note").FillAsync("Denies suicidal ideation; safety plan in place.");
        await page.GetByLabel("Data (DAP)").FillAsync("Described the dose as spacious; an image of a lake returned.");
        await page.GetByLabel("Assessment", new() { Exact = true }).FillAsync("Integrating well.");
        await page.GetByLabel("Plan", new() { Exact = true }).FillAsync("Breath practice daily; next session in a week.");
        await BrowserFixture.ScreenshotAsync(page, "integration-01-new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and sign" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("note-status")).ToContainTextAsync("Signed by Dr. Ana Rivera on");
        await Assertions.Expect(page.GetByTestId("homework")).ToContainTextAsync($"Open {Homework}");

        // The second note carries it forward; the clinician marks it done and sets a new one.
        await page.GotoAsync($"/Patients/{patientId}");
        await timeline.GetByRole(AriaRole.Link, new() { Name = "New integration note" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("carried-summary")).ToContainTextAsync("1 item is carried forward");
        await page.GetByLabel($"Status of “{Homework}”").SelectOptionAsync("Done");
        await page.GetByLabel("New homework item 1").FillAsync("Write a letter to my father (not to send)");
        await page.GetByLabel("SOAP (subjective, objective, assessment, plan)").CheckAsync();
        await Assertions.Expect(page.GetByLabel("Data (DAP)")).ToBeHiddenAsync();
        await page.GetByLabel("Subjective (SOAP)").FillAsync("Sleeping better; practised breathing most mornings.");
        await page.GetByLabel("Objective (SOAP)").FillAsync("Calm, good eye contact.");
        await page.GetByLabel("Assessment", new() { Exact = true }).FillAsync("Homework done; grief more accessible.");
        await page.GetByLabel("Plan", new() { Exact = true }).FillAsync("Letter before the next session.");
        await page.GetByLabel("Clinical judgement").CheckAsync();
        await page.GetByLabel("Low", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Risk note").FillAsync("No ideation.");
        await BrowserFixture.ScreenshotAsync(page, "integration-02-carried");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and sign" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("note-status")).ToContainTextAsync("content verified");
        await Assertions.Expect(page.GetByTestId("homework")).ToContainTextAsync($"Done {Homework} · carried forward from the session on");
        await Assertions.Expect(page.GetByTestId("homework")).ToContainTextAsync("Open Write a letter to my father");

        // A late entry is an addendum; the signed note offers no edit.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Edit draft" })).ToHaveCountAsync(0);
        await page.GetByLabel("Add an addendum").FillAsync("Patient phoned: the letter is written.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign and add addendum" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("addendum")).ToContainTextAsync("Addendum by Dr. Ana Rivera on");
        await BrowserFixture.ScreenshotAsync(page, "integration-03-signed");

        await page.GotoAsync($"/Patients/{patientId}");
        await Assertions.Expect(timeline.GetByTestId("course-counts")).ToHaveTextAsync("Signed: 2 of 2 preparation, 0 of 6 dosing, 2 of 6 integration");
        await Assertions.Expect(timeline.GetByTestId("timeline-session")).ToHaveCountAsync(4);
        await BrowserFixture.ScreenshotAsync(page, "integration-04-chart");
    }

    private static async Task WritePreparationAsync(IPage page, bool ready)
    {
        await page.Locator("#courses").GetByRole(AriaRole.Link, new() { Name = "New preparation session" }).ClickAsync();
        await page.GetByLabel("Intentions").FillAsync("To feel close to my kids again.");
        await page.GetByLabel("Effects and risks").CheckAsync();
        await page.GetByLabel("Brief mental status").FillAsync("Alert, oriented; calm.");
        if (ready)
        {
            await page.GetByLabel("I reviewed this screening in the session").CheckAsync();
            await page.GetByLabel("Ready", new() { Exact = true }).CheckAsync();
        }
        else
        {
            await page.GetByLabel("Not yet").CheckAsync();
        }

        await page.GetByLabel("Rationale").FillAsync(ready ? "Understands risks; ride home arranged." : "Wants another session first.");
        await page.GetByLabel("Data", new() { Exact = true }).FillAsync("Covered effects, risks and the dosing day.");
        await page.GetByLabel("Assessment", new() { Exact = true }).FillAsync(ready ? "Ready." : "Not yet ready.");
        await page.GetByLabel("Plan", new() { Exact = true }).FillAsync(ready ? "Book dosing session 1." : "Second session next week.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and sign" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("note-status")).ToContainTextAsync("content verified");
    }

    private async Task CourseWithScreeningAndConsentAsync(Guid patientId)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        db.TreatmentCourses.Add(new TreatmentCourse(patientId, DefaultProtocols.ImKapId, today, Guid.NewGuid(), DateTimeOffset.UtcNow));
        db.Screenings.Add(new ScreeningVersion(patientId, 1, [], ScreeningResult.Clear, [], Guid.NewGuid(), DateTimeOffset.UtcNow.AddDays(-3)));
        db.Consents.Add(new Consent(
            patientId, ConsentKind.KapTreatment, null, "KAP informed consent", "v3", today.AddDays(-1), "Marisol Quintero", Guid.NewGuid(), "Front Desk", 12, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }
}
