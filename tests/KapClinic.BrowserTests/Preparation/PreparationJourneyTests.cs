using System.Text.RegularExpressions;
using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Screening;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KapClinic.BrowserTests.Preparation;

/// <summary>A therapist writes two preparation sessions, signs them (the second marks Ready) and adds an addendum.</summary>
public sealed partial class PreparationJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_clinician_writes_and_signs_two_preparation_sessions_marks_ready_and_adds_an_addendum()
    {
        var email = $"rivera-{Guid.NewGuid():N}@clinic.test";
        await TestUsers.CreateAsync(fixture.Factory, ClinicRoles.Clinician, email, name: "Dr. Ana Rivera");
        var patientId = await TestPatients.CreateAsync(fixture.Factory, TestPatients.Details("Marisol", "Quintero"));
        var courseId = await CourseWithScreeningAsync(patientId);
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // First session: a draft, then signed with a "Not yet" decision.
        await page.GotoAsync($"/Patients/{patientId}/Courses/{courseId}/Preparation/New");
        await page.GetByLabel("Intentions").FillAsync("To feel close to my kids again.\nTo sleep through the night.");
        await page.GetByLabel("Effects and risks").CheckAsync();
        await page.GetByLabel("Dissociation").CheckAsync();
        await page.GetByLabel("Brief mental status").FillAsync("Alert, oriented; anxious about needles.");
        await page.GetByLabel("Not yet").CheckAsync();
        await page.GetByLabel("Rationale").FillAsync("Wants another session on what to expect.");
        await page.GetByLabel("Data", new() { Exact = true }).FillAsync("Reviewed effects and dissociation.");
        await BrowserFixture.ScreenshotAsync(page, "prep-01-new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Draft saved");
        await page.GetByLabel("Assessment", new() { Exact = true }).FillAsync("Engaged; not yet ready.");
        await page.GetByLabel("Plan", new() { Exact = true }).FillAsync("Second preparation session next week.");
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and sign" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("note-status")).ToContainTextAsync("Signed by Dr. Ana Rivera on");
        await Assertions.Expect(page.GetByTestId("note-status")).ToContainTextAsync("content verified");

        // Second session: signed at once, Ready, with the screening reviewed.
        await page.GotoAsync($"/Patients/{patientId}/Courses/{courseId}/Preparation/New");
        await page.GetByLabel("Intentions").FillAsync("Same as before.");
        await page.GetByLabel("What to expect on the day").CheckAsync();
        await page.GetByLabel("Driving restriction").CheckAsync();
        await page.GetByLabel("I reviewed this screening in the session").CheckAsync();
        await page.GetByLabel("Brief mental status").FillAsync("Calm, euthymic.");
        await page.GetByLabel("Support person").FillAsync("Jo (sister)");
        await page.GetByLabel("Ride home arranged").CheckAsync();
        await page.GetByLabel("Ready", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Rationale").FillAsync("Understands risks; support and ride in place.");
        await page.GetByLabel("Data", new() { Exact = true }).FillAsync("Covered the dosing day.");
        await page.GetByLabel("Assessment", new() { Exact = true }).FillAsync("Ready.");
        await page.GetByLabel("Plan", new() { Exact = true }).FillAsync("Book dosing session 1.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and sign" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("note-status")).ToContainTextAsync("content verified");
        Assert.Matches(DetailsUrl(), page.Url);
        await BrowserFixture.ScreenshotAsync(page, "prep-02-signed");

        // A late entry is an addendum; the signed note offers no edit.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Edit draft" })).ToHaveCountAsync(0);
        await page.GetByLabel("Add an addendum").FillAsync("Sister confirmed by phone she will drive.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign and add addendum" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("addendum")).ToContainTextAsync("Sister confirmed by phone she will drive.");
        await Assertions.Expect(page.GetByTestId("addendum")).ToContainTextAsync("Addendum by Dr. Ana Rivera on");
        await BrowserFixture.ScreenshotAsync(page, "prep-03-addendum");
    }

    private async Task<Guid> CourseWithScreeningAsync(Guid patientId)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        var course = new TreatmentCourse(patientId, DefaultProtocols.ImKapId, DateOnly.FromDateTime(DateTime.UtcNow), Guid.NewGuid(), DateTimeOffset.UtcNow);
        db.TreatmentCourses.Add(course);
        db.Screenings.Add(new ScreeningVersion(patientId, 1, [], ScreeningResult.Relative, ["Glaucoma: yes"], Guid.NewGuid(), DateTimeOffset.UtcNow.AddDays(-3)));
        await db.SaveChangesAsync();
        return course.Id;
    }

    [GeneratedRegex("/Patients/[0-9a-f-]+/Preparation/[0-9a-f-]+$")]
    private static partial Regex DetailsUrl();
}
