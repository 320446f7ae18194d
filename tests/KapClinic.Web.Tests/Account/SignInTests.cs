using System.Net;
using KapClinic.Core.Auditing;
using KapClinic.Core.Data;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Pages.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Account;

public sealed class SignInTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task Valid_credentials_sign_in_and_show_the_dashboard()
    {
        var email = $"ok-{Guid.NewGuid():N}@clinic.test";
        await TestUsers.CreateAsync(App, ClinicRoles.Clinician, email, name: "Dr. Ok");
        var client = TestUsers.NewClient(App);

        var response = await TestUsers.PostSignInAsync(client, email, TestUsers.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var setCookie = string.Join(";", response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        var dashboard = await client.GetStringAsync("/");
        Assert.Contains("Welcome, Dr. Ok", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_get_the_same_generic_message()
    {
        var email = $"wrong-{Guid.NewGuid():N}@clinic.test";
        await TestUsers.CreateAsync(App, ClinicRoles.Staff, email);

        var wrongPassword = await TestUsers.PostSignInAsync(TestUsers.NewClient(App), email, "not-the-password-at-all");
        var unknownEmail = await TestUsers.PostSignInAsync(TestUsers.NewClient(App), $"nobody-{Guid.NewGuid():N}@clinic.test", TestUsers.Password);

        var encoded = WebUtility.HtmlEncode(LoginModel.FailureMessage);
        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknownEmail.StatusCode);
        Assert.Contains(encoded, await wrongPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(encoded, await unknownEmail.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_for_fifteen_minutes()
    {
        var email = $"lock-{Guid.NewGuid():N}@clinic.test";
        var id = await TestUsers.CreateAsync(App, ClinicRoles.Staff, email);
        var client = TestUsers.NewClient(App);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await TestUsers.PostSignInAsync(client, email, "wrong-password-attempt");
        }

        var withRightPassword = await TestUsers.PostSignInAsync(client, email, TestUsers.Password);

        Assert.Equal(HttpStatusCode.OK, withRightPassword.StatusCode); // the form again, not a redirect
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        var lockoutEnd = await db.Users.Where(u => u.Id == id).Select(u => u.LockoutEnd).SingleAsync();
        Assert.NotNull(lockoutEnd);
        Assert.InRange(lockoutEnd.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.1));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.UserId == id && e.Action == AuditActions.SignInLockedOut));
    }

    [Fact]
    public async Task Sign_in_success_and_failure_are_audited()
    {
        var email = $"audit-{Guid.NewGuid():N}@clinic.test";
        var id = await TestUsers.CreateAsync(App, ClinicRoles.Staff, email);

        await TestUsers.PostSignInAsync(TestUsers.NewClient(App), email, "wrong-password-attempt");
        await TestUsers.PostSignInAsync(TestUsers.NewClient(App), email, TestUsers.Password);

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        var actions = await db.AuditEvents.Where(e => e.UserId == id).OrderBy(e => e.OccurredAt).Select(e => e.Action).ToListAsync();
        Assert.Equal([AuditActions.SignInFailed, AuditActions.SignInSucceeded], actions);
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);

        var response = await HtmlForms.PostAsync(client, "/", [], "/Account/Logout");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location?.PathAndQuery ?? after.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_users_existing_cookie_stops_working()
    {
        var (client, userId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        var (admin, adminId) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);

        var disable = await HtmlForms.PostAsync(admin, $"/Admin/Users/Edit/{userId}", [], $"/Admin/Users/Edit/{userId}?handler=Disable");

        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/Account/Login", after.Headers.Location?.ToString(), StringComparison.Ordinal);
        var again = await TestUsers.PostSignInAsync(TestUsers.NewClient(App), await TestUsers.EmailOfAsync(App, userId), TestUsers.Password);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // refused: the form again
        Assert.NotEqual(adminId, userId);
    }

    [Fact]
    public async Task Return_url_to_another_site_is_ignored()
    {
        var email = $"ret-{Guid.NewGuid():N}@clinic.test";
        await TestUsers.CreateAsync(App, ClinicRoles.Staff, email);
        var client = TestUsers.NewClient(App);

        var response = await HtmlForms.PostAsync(
            client,
            "/Account/Login",
            [new("Input.Email", email), new("Input.Password", TestUsers.Password), new("ReturnUrl", "https://evil.example/")]);
        var codePage = response.Headers.Location?.OriginalString ?? string.Empty;
        var signedIn = await HtmlForms.PostAsync(
            client, codePage, [new("Input.Code", await TestMfa.NextCodeAsync(App, email)), new("ReturnUrl", "https://evil.example/")]);

        Assert.StartsWith(TestMfa.CodePagePath, codePage, StringComparison.Ordinal);
        Assert.DoesNotContain("evil", codePage, StringComparison.Ordinal);
        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
    }
}
