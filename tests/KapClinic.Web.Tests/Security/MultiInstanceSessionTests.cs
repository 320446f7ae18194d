using System.Net;
using KapClinic.Core.Data;
using KapClinic.Core.Settings;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Security;

/// <summary>
/// Two app instances on one database (as behind a load balancer): they share the Data Protection keys and the
/// sessions, so a browser can be sent to either one at any request.
/// </summary>
public sealed class MultiInstanceSessionTests(AppFixture fixture) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private KapClinicAppFactory second = null!;

    public async Task InitializeAsync()
    {
        second = new KapClinicAppFactory(fixture.Factory.ConnectionString);
        _ = second.Services;
        await second.WaitForChangeListenerAsync(); // so instance two caches sessions and settings
    }

    public async Task DisposeAsync() => await second.DisposeAsync();

    [Fact]
    public async Task The_key_ring_is_in_the_database_under_the_fixed_application_name()
    {
        await TestUsers.NewClient(fixture.Factory).GetStringAsync("/Account/Login"); // renders a protected token

        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().DataProtectionKeys.ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Contains("<key id=", k.Xml, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_user_signed_in_on_one_instance_is_signed_in_on_the_other_and_sign_out_on_either_ends_both()
    {
        var email = $"lb-{Guid.NewGuid():N}@clinic.test";
        await TestUsers.CreateAsync(fixture.Factory, ClinicRoles.Staff, email, name: "Load Balanced");
        var browser = new System.Net.CookieContainer();
        using var one = TestUsers.Track(fixture.Factory.CreateDefaultClient(new CookieContainerHandler(browser)), fixture.Factory);
        using var two = TestUsers.Track(second.CreateDefaultClient(new CookieContainerHandler(browser)), second);

        // The sign-in form comes from instance one and is posted to instance two.
        var token = await HtmlForms.AntiforgeryTokenAsync(one, "/Account/Login");
        var signIn = await two.PostAsync("/Account/Login", Form(token, ("Input.Email", email), ("Input.Password", TestUsers.Password)));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        // The authenticator code page comes from instance two and is posted to instance one.
        var codePage = signIn.Headers.Location!.OriginalString;
        var code = await one.PostAsync(codePage, Form(await HtmlForms.AntiforgeryTokenAsync(two, codePage), ("Input.Code", await TestMfa.NextCodeAsync(fixture.Factory, email))));
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);

        Assert.Contains("Welcome, Load Balanced", await one.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Contains("Welcome, Load Balanced", await two.GetStringAsync("/"), StringComparison.Ordinal);

        // The sign-out form rendered by instance two, posted to instance one.
        var signOut = await one.PostAsync("/Account/Logout", Form(await HtmlForms.AntiforgeryTokenAsync(two, "/")));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await one.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await two.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_clinical_form_rendered_by_one_instance_is_saved_by_the_other()
    {
        var email = $"lb-{Guid.NewGuid():N}@clinic.test";
        await TestUsers.CreateAsync(fixture.Factory, ClinicRoles.Clinician, email);
        var browser = new System.Net.CookieContainer();
        using var one = TestUsers.Track(fixture.Factory.CreateDefaultClient(new CookieContainerHandler(browser)), fixture.Factory);
        using var two = TestUsers.Track(second.CreateDefaultClient(new CookieContainerHandler(browser)), second);
        Assert.Equal(HttpStatusCode.Redirect, (await TestUsers.PostSignInAsync(one, email, TestUsers.Password)).StatusCode);

        var token = await HtmlForms.AntiforgeryTokenAsync(one, "/Patients/Create");
        var fields = Patients.TestPatients.Fields(Patients.TestPatients.Input("Twoinstance", "Formpost"));
        var created = await two.PostAsync("/Patients/Create", Form(token, [.. fields.Select(f => (f.Key, f.Value))]));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/', '?').First(s => Guid.TryParse(s, out _)));
        Assert.Equal("Formpost", (await Patients.TestPatients.LoadAsync(second, id)).LegalLastName);
    }

    [Fact]
    public async Task A_session_cookie_issued_by_one_instance_is_read_by_the_other()
    {
        var (_, _, cookie) = await Account.SessionCookies.SignInAsync(fixture.Factory, ClinicRoles.Clinician);

        Assert.Equal(HttpStatusCode.OK, (await Account.SessionCookies.ReplayAsync(second, cookie)).StatusCode);
    }

    [Fact]
    public async Task Sign_out_on_one_instance_ends_the_session_cached_by_the_other()
    {
        var (client, _, cookie) = await Account.SessionCookies.SignInAsync(fixture.Factory, ClinicRoles.Staff);
        Assert.Equal(HttpStatusCode.OK, (await Account.SessionCookies.ReplayAsync(second, cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Account.SessionCookies.ReplayAsync(second, cookie)).StatusCode); // from its cache

        Assert.Equal(HttpStatusCode.Redirect, (await HtmlForms.PostAsync(client, "/", [], "/Account/Logout")).StatusCode);

        // Instance two learns of it from PostgreSQL's notice, delivered just after the commit: allow up to 2 s.
        Assert.True(await Eventually.TrueAsync(
            async () => (await Account.SessionCookies.ReplayAsync(second, cookie)).StatusCode == HttpStatusCode.Redirect,
            TimeSpan.FromSeconds(2)));
        Account.SessionCookies.AssertSentToSignIn(await Account.SessionCookies.ReplayAsync(second, cookie));
    }

    [Fact]
    public async Task Settings_changed_on_one_instance_are_seen_by_the_other()
    {
        var before = await SettingsOnAsync(second);
        Assert.Same(before, second.Services.GetRequiredService<ClinicSettingsCache>().TryGet()); // instance two holds them

        var name = $"Renamed {Guid.NewGuid():N}"[..30];
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var settings = scope.ServiceProvider.GetRequiredService<ClinicSettingsService>();
            var current = await settings.GetAsync();
            await settings.UpdateAsync(new ClinicSettingsInput { ClinicName = name, TimeZoneId = current.TimeZoneId, Version = current.Version });
        }

        Assert.Equal(name, (await SettingsOnAsync(fixture.Factory)).ClinicName); // at once where it was saved

        // Instance two learns of it from PostgreSQL's notice, delivered just after the commit: allow up to 2 s.
        Assert.True(await Eventually.TrueAsync(async () => (await SettingsOnAsync(second)).ClinicName == name, TimeSpan.FromSeconds(2)));
    }

    private static async Task<ClinicSettings> SettingsOnAsync(KapClinicAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ClinicSettingsService>().GetAsync();
    }

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("__RequestVerificationToken", token)));
}
