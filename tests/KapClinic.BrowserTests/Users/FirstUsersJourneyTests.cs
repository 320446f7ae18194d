using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.Playwright;

namespace KapClinic.BrowserTests.Users;

/// <summary>
/// The first thing a clinic does: an admin adds a clinician, who then signs in and sets up an authenticator app. Every
/// sign-in step is typed here (no automatic code step). Fields are found by their labels.
/// </summary>
public sealed class FirstUsersJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Admin_creates_a_clinician_who_signs_in_and_sees_the_dashboard()
    {
        var adminEmail = $"admin-{Guid.NewGuid():N}@clinic.test";
        await TestUsers.CreateAsync(fixture.Factory, ClinicRoles.Admin, adminEmail, name: "Avery Admin");
        var clinicianEmail = $"rivera-{Guid.NewGuid():N}@clinic.test";
        var page = await fixture.NewPageAsync(completeMfaAutomatically: false);

        // The admin signs in: password, then the code from their authenticator app.
        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        await BrowserFixture.ScreenshotAsync(page, "01-sign-in");
        await page.GetByLabel("Email").FillAsync(adminEmail);
        await page.GetByLabel("Password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Authentication code" })).ToBeVisibleAsync();
        await page.GetByLabel("Code").FillAsync(await TestMfa.NextCodeAsync(fixture.Factory, adminEmail));
        await BrowserFixture.ScreenshotAsync(page, "01b-authentication-code");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();

        // ... adds a clinician, first with a mistake that the form explains beside the field ...
        await page.GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a user" }).ClickAsync();
        await page.GetByLabel("Email").FillAsync(clinicianEmail);
        await page.GetByLabel("Full name").FillAsync("Dr. Ana Rivera");
        await page.GetByLabel("Credentials (optional)").FillAsync("MD");
        await page.GetByLabel("Clinician (documents").CheckAsync();
        await page.GetByLabel("Prescriber").CheckAsync();
        await page.GetByLabel("Initial password").FillAsync("password1234");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
        await Assertions.Expect(page.GetByText("too common or too easy to guess")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Full name")).ToHaveValueAsync("Dr. Ana Rivera");
        await BrowserFixture.ScreenshotAsync(page, "02-add-user-validation");
        await page.GetByLabel("Initial password").FillAsync("lagoon-maple-violet-62");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Dr. Ana Rivera can now sign in");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = clinicianEmail })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "03-users");

        // ... and signs out.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();

        // The clinician signs in and must first set up an authenticator app: the key as a QR code and as text, a code
        // from the app to confirm, then ten recovery codes, shown once.
        await page.GetByLabel("Email").FillAsync(clinicianEmail);
        await page.GetByLabel("Password").FillAsync("lagoon-maple-violet-62");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set up your authenticator app" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "03b-enrol");
        var secret = (await page.GetByTestId("mfa-secret").InnerTextAsync()).Replace(" ", string.Empty, StringComparison.Ordinal);
        await page.GetByLabel("Code from the app").FillAsync(KapClinic.Core.Users.Mfa.TotpCodes.CodeAt(secret, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("recovery-codes").GetByRole(AriaRole.Listitem)).ToHaveCountAsync(10);
        await BrowserFixture.ScreenshotAsync(page, "03c-recovery-codes");
        await page.GetByRole(AriaRole.Link, new() { Name = "I have saved my recovery codes" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync("Dr. Ana Rivera, MD");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true })).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "04-clinician-dashboard");
    }

    [Fact]
    public async Task A_wrong_password_shows_the_generic_message_and_keeps_the_email()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");

        await page.GetByLabel("Email").FillAsync("someone@clinic.test");
        await page.GetByLabel("Password").FillAsync("not-the-right-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The email or password is incorrect");
        await Assertions.Expect(page.GetByLabel("Email")).ToHaveValueAsync("someone@clinic.test");
    }
}
