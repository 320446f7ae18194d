using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.Playwright;

namespace KapClinic.BrowserTests.Dosing;

/// <summary>
/// wwwroot/js/unsaved-changes.js on a form that opts in (data-warn-unsaved: the pre-dose checklist, the dose and
/// discharge forms, notes and addenda): leaving with typed changes asks first; saving does not.
/// </summary>
public sealed class UnsavedChangesWarningTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Leaving_the_checklist_with_typed_changes_asks_first_and_saving_it_does_not()
    {
        var email = $"nurse-{Guid.NewGuid():N}@clinic.test";
        await TestUsers.CreateAsync(fixture.Factory, ClinicRoles.Clinician, email, name: "Jordan Avery, RN");
        await TestUsers.CreateAsync(fixture.Factory, ClinicRoles.Clinician, prescriber: true, name: "Dr. Camila Núñez");
        var patientId = await TestPatients.CreateAsync(fixture.Factory);
        var courseId = await ReadyCourseSeed.CreateAsync(fixture.Factory, patientId, DateTimeOffset.UtcNow);
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync(); // signed in (password and code) before moving on
        await page.GotoAsync($"/Patients/{patientId}/Courses/{courseId}/Dosing/New");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start dosing session" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pre-dose checklist" })).ToBeVisibleAsync();
        var checklistUrl = page.Url;
        var dialogs = 0;
        var asked = new TaskCompletionSource<string>();
        page.Dialog += async (_, dialog) =>
        {
            Interlocked.Increment(ref dialogs);
            asked.TrySetResult(dialog.Type);
            await dialog.DismissAsync(); // stay on the page
        };

        // Typed with real keystrokes: Chromium only asks on a page the user has interacted with.
        await page.GetByLabel("Intention for today").ClickAsync();
        await page.Keyboard.TypeAsync("To rest");
        await page.GetByRole(AriaRole.Link, new() { Name = "Go to the dose" }).ClickAsync();

        Assert.Equal(DialogType.BeforeUnload, await asked.Task.WaitAsync(TimeSpan.FromSeconds(15)));
        Assert.Equal(checklistUrl, page.Url);
        await Assertions.Expect(page.GetByLabel("Intention for today")).ToHaveValueAsync("To rest");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save checklist" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Checklist saved. Still missing:");
        await Assertions.Expect(page.GetByLabel("Intention for today")).ToHaveValueAsync("To rest");
        Assert.Equal(1, dialogs);
    }
}
