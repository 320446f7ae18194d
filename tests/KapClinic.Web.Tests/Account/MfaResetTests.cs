using System.Net;
using KapClinic.Core.Auditing;
using KapClinic.Core.Data;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Account;

/// <summary>An Admin resets a user's authenticator app (a lost phone).</summary>
public sealed class MfaResetTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task Admin_reset_is_audited_ends_the_users_sessions_and_forces_enrolment_at_next_sign_in()
    {
        var (client, userId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var (admin, adminId) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);
        Assert.Contains("Reset authenticator app", await admin.GetStringAsync($"/Admin/Users/Edit/{userId}"), StringComparison.Ordinal);

        var reset = await HtmlForms.PostAsync(admin, $"/Admin/Users/ResetMfa/{userId}", []);

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location?.PathAndQuery ?? after.Headers.Location?.OriginalString, StringComparison.Ordinal);

        var again = TestUsers.NewClient(App);
        var password = await TestUsers.PostPasswordAsync(again, await TestUsers.EmailOfAsync(App, userId), TestUsers.Password);
        Assert.Equal("/", password.Headers.Location?.OriginalString); // no code asked: there is no app any more
        Assert.Equal(MfaEnrolmentGate.EnrolPath, (await again.GetAsync("/")).Headers.Location?.OriginalString);

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.UserMfaReset && e.EntityId == userId);
        Assert.Equal(adminId, audit.UserId);
        Assert.False(await db.UserTokens.AnyAsync(t => t.UserId == userId && (t.Name == "AuthenticatorKey" || t.Name == "RecoveryCodes")));
    }

    [Fact]
    public async Task Only_admins_can_reset_someone_elses_app()
    {
        var (clinician, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var (_, otherId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);

        var response = await clinician.GetAsync($"/Admin/Users/ResetMfa/{otherId}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
