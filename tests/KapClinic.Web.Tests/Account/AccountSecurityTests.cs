using System.Net;
using KapClinic.Core.Auditing;
using KapClinic.Core.Data;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Account;

/// <summary>/Account/Security: changing one's own password or authenticator needs the current password again.</summary>
public sealed class AccountSecurityTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Page = "/Account/Security";
    private const string NewPassword = "harbor-quince-lantern-58";

    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task Changing_the_password_requires_the_current_one_and_is_audited()
    {
        var (client, id) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var email = await TestUsers.EmailOfAsync(App, id);

        var wrong = await HtmlForms.PostAsync(client, Page, Fields("not-my-password-at-all"), Page + "?handler=Password");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("That is not your current password", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var right = await HtmlForms.PostAsync(client, Page, Fields(TestUsers.Password), Page + "?handler=Password");
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode); // this session carries on

        Assert.Equal(HttpStatusCode.OK, (await TestUsers.PostSignInAsync(TestUsers.NewClient(App), email, TestUsers.Password)).StatusCode); // old: refused
        Assert.Equal(HttpStatusCode.Redirect, (await TestUsers.PostSignInAsync(TestUsers.NewClient(App), email, NewPassword)).StatusCode);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.UserReauthenticationFailed && e.UserId == id));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.UserPasswordChanged && e.UserId == id));
    }

    [Fact]
    public async Task Changing_the_password_ends_the_users_other_sessions()
    {
        var (client, id) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);
        var other = TestUsers.NewClient(App);
        await TestUsers.PostSignInAsync(other, await TestUsers.EmailOfAsync(App, id), TestUsers.Password);

        await HtmlForms.PostAsync(client, Page, Fields(TestUsers.Password), Page + "?handler=Password");

        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Resetting_ones_own_app_needs_the_password_then_leads_to_enrolment()
    {
        var (client, id) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);

        var wrong = await HtmlForms.PostAsync(client, Page, [new("MfaReset.CurrentPassword", "nope-nope-nope-nope")], Page + "?handler=ResetMfa");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);

        var right = await HtmlForms.PostAsync(client, Page, [new("MfaReset.CurrentPassword", TestUsers.Password)], Page + "?handler=ResetMfa");
        Assert.Equal(TestMfa.EnrolPagePath, right.Headers.Location?.OriginalString);
        Assert.Equal(MfaEnrolmentGate.EnrolPath, (await client.GetAsync("/")).Headers.Location?.OriginalString);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        Assert.Equal("Reset by the user", (await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.UserMfaReset && e.EntityId == id)).Detail);
    }

    [Fact]
    public async Task New_recovery_codes_need_the_password_and_replace_the_old_ones()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);

        var wrong = await HtmlForms.PostAsync(client, Page, [new("Codes.CurrentPassword", "nope-nope-nope-nope")], Page + "?handler=RecoveryCodes");
        var right = await HtmlForms.PostAsync(client, Page, [new("Codes.CurrentPassword", TestUsers.Password)], Page + "?handler=RecoveryCodes");

        Assert.Empty(TestMfa.RecoveryCodesOnPage(await wrong.Content.ReadAsStringAsync()));
        Assert.Equal(10, TestMfa.RecoveryCodesOnPage(await right.Content.ReadAsStringAsync()).Count);
    }

    private static KeyValuePair<string, string>[] Fields(string current) =>
        [new("Password.CurrentPassword", current), new("Password.NewPassword", NewPassword), new("Password.ConfirmPassword", NewPassword)];
}
