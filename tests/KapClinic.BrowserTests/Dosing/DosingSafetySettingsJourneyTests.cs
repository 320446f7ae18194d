using KapClinic.Core.Settings;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KapClinic.BrowserTests.Dosing;

/// <summary>An administrator tightens a dosing-safety threshold on the clinic-settings page, found by its label.</summary>
public sealed class DosingSafetySettingsJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_admin_changes_the_pre_dose_hold_by_its_label_and_a_wrong_number_is_explained_beside_it()
    {
        var email = $"admin-{Guid.NewGuid():N}@clinic.test";
        await TestUsers.CreateAsync(fixture.Factory, ClinicRoles.Admin, email, name: "Alex Admin");
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync(); // signed in (password and code) before moving on
        await page.GotoAsync("/Admin/Settings");

        await page.GetByLabel("Hold: systolic at (mmHg)").FillAsync("1550");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Input_Dosing_HoldSystolic-error")).ToHaveTextAsync("The hold systolic pressure must be 100-240 mmHg.");
        await BrowserFixture.ScreenshotAsync(page, "dosing-06-settings-refused");

        await page.GetByLabel("Hold: systolic at (mmHg)").FillAsync("155");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Settings saved.");
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        Assert.Equal(155, (await scope.ServiceProvider.GetRequiredService<ClinicSettingsService>().GetAsync()).Dosing.HoldSystolic);
    }
}
