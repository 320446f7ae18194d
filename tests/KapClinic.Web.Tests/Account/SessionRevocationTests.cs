using System.Net;
using KapClinic.Core.Auditing;
using KapClinic.Core.Data;
using KapClinic.Core.Users;
using KapClinic.Core.Users.Sessions;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Account;

/// <summary>Sessions live on the server: ending one there refuses every copy of its cookie.</summary>
public sealed class SessionRevocationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task A_cookie_saved_before_sign_out_is_refused_when_replayed_afterwards()
    {
        var (client, userId, cookie) = await SessionCookies.SignInAsync(App, ClinicRoles.Staff);
        Assert.Equal(HttpStatusCode.OK, (await SessionCookies.ReplayAsync(App, cookie)).StatusCode);

        var signOut = await HtmlForms.PostAsync(client, "/", [], "/Account/Logout");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        SessionCookies.AssertSentToSignIn(await SessionCookies.ReplayAsync(App, cookie));
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        Assert.All(await db.UserSessions.Where(s => s.UserId == userId).ToListAsync(), s => Assert.NotNull(s.RevokedAt));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.UserId == userId && e.Action == AuditActions.SignOut));
    }

    [Fact]
    public async Task A_disabled_users_saved_cookie_is_refused_and_the_revocation_is_audited()
    {
        var (_, userId, cookie) = await SessionCookies.SignInAsync(App, ClinicRoles.Staff);

        await WithAdministrationAsync(users => users.SetDisabledAsync(userId, true, actingUserId: Guid.NewGuid()));

        SessionCookies.AssertSentToSignIn(await SessionCookies.ReplayAsync(App, cookie));
        await AssertAllRevokedAndAuditedAsync(userId, expected: 1, "Account disabled");
    }

    [Fact]
    public async Task A_role_change_ends_every_session_of_the_user()
    {
        var (_, userId, first) = await SessionCookies.SignInAsync(App, ClinicRoles.Clinician);
        var second = await SignInAgainElsewhereAsync(userId);

        await WithAdministrationAsync(async users =>
        {
            var input = (await users.GetAsync(userId)).Input;
            input.IsStaff = true;
            await users.UpdateAsync(userId, input, actingUserId: Guid.NewGuid());
        });

        SessionCookies.AssertSentToSignIn(await SessionCookies.ReplayAsync(App, first));
        SessionCookies.AssertSentToSignIn(await SessionCookies.ReplayAsync(App, second));
        await AssertAllRevokedAndAuditedAsync(userId, expected: 2, "Roles or profile changed");
    }

    [Fact]
    public async Task A_password_reset_by_an_administrator_ends_every_session_of_the_user()
    {
        var (_, userId, cookie) = await SessionCookies.SignInAsync(App, ClinicRoles.Staff);

        await WithAdministrationAsync(users => users.ResetPasswordAsync(userId, "copper-meadow-lantern-58"));

        SessionCookies.AssertSentToSignIn(await SessionCookies.ReplayAsync(App, cookie));
        await AssertAllRevokedAndAuditedAsync(userId, expected: 1, "Password reset by an administrator");
    }

    [Fact]
    public async Task A_revoked_session_row_alone_refuses_the_cookie_even_with_an_unchanged_security_stamp()
    {
        var (_, userId, cookie) = await SessionCookies.SignInAsync(App, ClinicRoles.Staff);

        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SessionRegistry>().RevokeAllAsync(userId, "Test");
            await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().SaveChangesAsync();
        }

        SessionCookies.AssertSentToSignIn(await SessionCookies.ReplayAsync(App, cookie));
    }

    [Fact]
    public async Task Each_sign_in_gets_a_new_session_key_and_the_previous_one_is_refused()
    {
        var email = $"fixation-{Guid.NewGuid():N}@clinic.test";
        await TestUsers.CreateWithoutMfaAsync(App, ClinicRoles.Staff, email); // no app: the password alone signs in
        var client = TestUsers.NewClient(App);
        var token = await HtmlForms.AntiforgeryTokenAsync(client, "/Account/Login"); // a second tab's sign-in form
        var before = SessionCookies.ValueIn(await client.PostAsync("/Account/Login", SignInForm(email, token)))!;
        Assert.Equal(HttpStatusCode.OK, (await SessionCookies.ReplayAsync(App, before)).StatusCode);

        // Signing in again from that form while the browser still sends the first session's cookie.
        var again = await client.PostAsync("/Account/Login", SignInForm(email, token));
        var after = SessionCookies.ValueIn(again);

        Assert.NotNull(after);
        Assert.NotEqual(before, after);
        SessionCookies.AssertSentToSignIn(await SessionCookies.ReplayAsync(App, before));
        Assert.Equal(HttpStatusCode.OK, (await SessionCookies.ReplayAsync(App, after)).StatusCode);
    }

    [Fact]
    public async Task The_database_holds_only_a_hash_of_the_cookie_key_and_a_protected_ticket()
    {
        var (_, userId, _) = await SessionCookies.SignInAsync(App, ClinicRoles.Staff);

        await using var scope = App.Services.CreateAsyncScope();
        var session = await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().UserSessions.SingleAsync(s => s.UserId == userId);
        Assert.Equal(32, session.TokenHash.Length);
        Assert.Equal(session.CreatedAt + SessionLimits.AbsoluteLifetime, session.ExpiresAt);
        var email = await TestUsers.EmailOfAsync(App, userId);
        Assert.DoesNotContain(email, System.Text.Encoding.UTF8.GetString(session.Ticket), StringComparison.OrdinalIgnoreCase);
    }

    private static FormUrlEncodedContent SignInForm(string email, string token) => new(
        [new("Input.Email", email), new("Input.Password", TestUsers.Password), new("__RequestVerificationToken", token)]);

    private async Task<string> SignInAgainElsewhereAsync(Guid userId)
    {
        var response = await TestUsers.PostSignInAsync(TestUsers.NewClient(App), await TestUsers.EmailOfAsync(App, userId), TestUsers.Password);
        return SessionCookies.ValueIn(response)!;
    }

    private async Task WithAdministrationAsync(Func<UserAdministration, Task> change)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await change(scope.ServiceProvider.GetRequiredService<UserAdministration>());
    }

    private async Task AssertAllRevokedAndAuditedAsync(Guid userId, int expected, string reason)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        var sessions = await db.UserSessions.Where(s => s.UserId == userId).ToListAsync();
        Assert.Equal(expected, sessions.Count);
        Assert.All(sessions, s => Assert.Equal(reason, s.EndReason));
        var audit = await db.AuditEvents.SingleAsync(e => e.EntityId == userId && e.Action == AuditActions.SessionsRevoked);
        Assert.Equal($"{expected} session(s) ended: {reason}", audit.Detail);
    }
}
