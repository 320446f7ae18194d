using System.Net;
using KapClinic.Core.Data;
using KapClinic.Core.Users;
using KapClinic.Core.Users.Mfa;
using KapClinic.TestSupport;
using KapClinic.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Account;

/// <summary>Who must set up an authenticator app at first sign-in, and that nothing else is reachable until they do.</summary>
public sealed class MfaEnrolmentTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly string[] Routes =
        ["/", "/Patients", "/Schedule", "/Inventory", "/Admin/Users", "/Admin/Settings", "/Account/Security", "/Patients/New"];

    private KapClinicAppFactory App => fixture.Factory;

    [Theory]
    [InlineData(ClinicRoles.Admin)]
    [InlineData(ClinicRoles.Clinician)]
    public async Task Admins_and_clinicians_without_an_app_reach_no_page_but_enrolment(string role)
    {
        var client = await PasswordOnlyAsync(role);

        foreach (var route in Routes)
        {
            var response = await client.GetAsync(route);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(MfaEnrolmentGate.EnrolPath, response.Headers.Location?.OriginalString);
        }

        var token = HtmlForms.TokenIn(await client.GetStringAsync(TestMfa.EnrolPagePath))!;
        var post = await client.PostAsync("/Admin/Settings", new FormUrlEncodedContent([new("Input.ClinicName", "X"), new("__RequestVerificationToken", token)]));
        Assert.Equal(MfaEnrolmentGate.EnrolPath, post.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(TestMfa.EnrolPagePath)).StatusCode);
    }

    [Fact]
    public async Task Staff_are_not_asked_to_enrol_by_default()
    {
        var client = await PasswordOnlyAsync(ClinicRoles.Staff);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Patients")).StatusCode);
    }

    [Fact]
    public async Task Enrolment_takes_a_code_from_the_app_then_shows_ten_recovery_codes_stored_only_as_hashes()
    {
        var email = $"enrol-{Guid.NewGuid():N}@clinic.test";
        var id = await TestUsers.CreateWithoutMfaAsync(App, ClinicRoles.Clinician, email);
        var client = TestUsers.NewClient(App);
        await TestUsers.PostPasswordAsync(client, email, TestUsers.Password);

        var wrong = await HtmlForms.PostAsync(client, TestMfa.EnrolPagePath, [new("Input.Code", "000000")]);
        Assert.Contains("That code is not right", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var codes = await TestMfa.EnrolAsync(App, client, email);

        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Patients")).StatusCode); // this session goes on, no longer held
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        var stored = await db.UserTokens.Where(t => t.UserId == id && t.Name == ClinicUserStore.RecoveryCodesToken).Select(t => t.Value).SingleAsync();
        Assert.All(codes, code => Assert.DoesNotContain(code, stored!, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(10, stored!.Split(';').Length);
        Assert.True(await db.Users.Where(u => u.Id == id).Select(u => u.TwoFactorEnabled).SingleAsync());
    }

    [Fact]
    public async Task After_enrolling_the_next_sign_in_asks_for_a_code()
    {
        var email = $"next-{Guid.NewGuid():N}@clinic.test";
        await TestUsers.CreateWithoutMfaAsync(App, ClinicRoles.Admin, email);
        var first = TestUsers.NewClient(App);
        await TestUsers.PostPasswordAsync(first, email, TestUsers.Password);
        await TestMfa.EnrolAsync(App, first, email);

        var password = await TestUsers.PostPasswordAsync(TestUsers.NewClient(App), email, TestUsers.Password);

        Assert.StartsWith(TestMfa.CodePagePath, password.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    private async Task<HttpClient> PasswordOnlyAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@clinic.test";
        await TestUsers.CreateWithoutMfaAsync(App, role, email);
        var client = TestUsers.NewClient(App);
        var response = await TestUsers.PostPasswordAsync(client, email, TestUsers.Password);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        return client;
    }
}
