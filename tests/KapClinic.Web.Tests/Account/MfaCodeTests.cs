using System.Net;
using KapClinic.Core.Auditing;
using KapClinic.Core.Data;
using KapClinic.Core.Users;
using KapClinic.Core.Users.Mfa;
using KapClinic.TestSupport;
using KapClinic.Web.Pages.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Account;

/// <summary>The code step of sign-in on a clock that stands still: replay, drift, lockout and recovery codes.</summary>
public sealed class MfaCodeTests(FakeClockFixture fixture) : IClassFixture<FakeClockFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task A_code_works_once_the_same_step_is_refused_and_the_next_step_is_accepted()
    {
        var email = await NewUserAsync();
        var code = TotpCodes.CodeAt(TestUsers.MfaSecret, fixture.Clock.GetUtcNow());

        var first = await CodeStepAsync(TestUsers.NewClient(App), email, code);
        var replay = await CodeStepAsync(TestUsers.NewClient(App), email, code);
        fixture.Clock.Advance(TimeSpan.FromSeconds(TotpCodes.StepSeconds));
        var next = await CodeStepAsync(TestUsers.NewClient(App), email, TotpCodes.CodeAt(TestUsers.MfaSecret, fixture.Clock.GetUtcNow()));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/", first.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(LoginWith2faModel.WrongCodeMessage), await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
    }

    [Fact]
    public async Task One_step_of_drift_is_accepted_but_not_two()
    {
        var email = await NewUserAsync();
        var now = fixture.Clock.GetUtcNow();

        var twoBehind = await CodeStepAsync(TestUsers.NewClient(App), email, TotpCodes.CodeAt(TestUsers.MfaSecret, now.AddSeconds(-2 * TotpCodes.StepSeconds)));
        var oneAhead = await CodeStepAsync(TestUsers.NewClient(App), email, TotpCodes.CodeAt(TestUsers.MfaSecret, now.AddSeconds(TotpCodes.StepSeconds)));
        var currentAfterLater = await CodeStepAsync(TestUsers.NewClient(App), email, TotpCodes.CodeAt(TestUsers.MfaSecret, now));

        Assert.Equal(HttpStatusCode.OK, twoBehind.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, oneAhead.StatusCode);
        Assert.Equal(HttpStatusCode.OK, currentAfterLater.StatusCode); // an earlier step than one already used
    }

    [Fact]
    public async Task Wrong_codes_count_towards_the_lockout_and_are_audited()
    {
        var email = await NewUserAsync();
        var client = TestUsers.NewClient(App);
        var codePage = (await TestUsers.PostPasswordAsync(client, email, TestUsers.Password)).Headers.Location!.OriginalString;

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await HtmlForms.PostAsync(client, codePage, [new("Input.Code", "000000")]);
        }

        var right = await HtmlForms.PostAsync(client, codePage, [new("Input.Code", await TestMfa.NextCodeAsync(App, email))]);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
        Assert.NotNull(user.LockoutEnd);
        Assert.True(await db.AuditEvents.CountAsync(e => e.UserId == user.Id && e.Action == AuditActions.SignInFailed && e.Detail == "Wrong authentication code") >= 4);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.UserId == user.Id && e.Action == AuditActions.SignInLockedOut));
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var email = $"recovery-{Guid.NewGuid():N}@clinic.test";
        await TestUsers.CreateWithoutMfaAsync(App, ClinicRoles.Clinician, email);
        var enrolling = TestUsers.NewClient(App);
        await TestUsers.PostPasswordAsync(enrolling, email, TestUsers.Password);
        var codes = await TestMfa.EnrolAsync(App, enrolling, email);

        var first = await RecoveryStepAsync(email, codes[3].ToLowerInvariant());
        var again = await RecoveryStepAsync(email, codes[3]);
        var another = await RecoveryStepAsync(email, codes[4]);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains(LoginWithRecoveryCodeModel.WrongCodeMessage, await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, another.StatusCode);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.SignInRecoveryCodeUsed && e.UserId == id));
    }

    [Fact]
    public async Task The_code_page_without_a_password_first_goes_back_to_sign_in()
    {
        var response = await TestUsers.NewClient(App).GetAsync(TestMfa.CodePagePath);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    private async Task<string> NewUserAsync()
    {
        var email = $"code-{Guid.NewGuid():N}@clinic.test";
        await TestUsers.CreateAsync(App, ClinicRoles.Clinician, email);
        return email;
    }

    private static async Task<HttpResponseMessage> CodeStepAsync(HttpClient client, string email, string code)
    {
        var password = await TestUsers.PostPasswordAsync(client, email, TestUsers.Password);
        return await HtmlForms.PostAsync(client, password.Headers.Location!.OriginalString, [new("Input.Code", code)]);
    }

    private async Task<HttpResponseMessage> RecoveryStepAsync(string email, string code)
    {
        var client = TestUsers.NewClient(App);
        await TestUsers.PostPasswordAsync(client, email, TestUsers.Password);
        return await HtmlForms.PostAsync(client, "/Account/LoginWithRecoveryCode", [new("Input.RecoveryCode", code)]);
    }
}
