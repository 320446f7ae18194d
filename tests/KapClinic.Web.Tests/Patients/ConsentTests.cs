using System.Globalization;
using System.Net;
using KapClinic.Core.Consents;
using KapClinic.Core.Data;
using KapClinic.Core.Settings;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using static KapClinic.Web.Tests.Patients.ChartTestData;

namespace KapClinic.Web.Tests.Patients;

/// <summary>The app on a clock the test moves, so consents can expire.</summary>
public sealed class ConsentClockFixture : AppFixture
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 28, 14, 0, 0, TimeSpan.Zero));

    protected override KapClinicAppFactory Configure(KapClinicAppFactory app) =>
        app.WithServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
}

public sealed class ConsentTests(ConsentClockFixture fixture) : IClassFixture<ConsentClockFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    private DateOnly ClinicToday => ClinicCalendar.Today(fixture.Clock, TimeZoneInfo.FindSystemTimeZoneById(ClinicSettings.DefaultTimeZoneId));

    [Fact]
    public async Task Consent_expiry_follows_the_validity_setting_and_warns_before_it_expires()
    {
        await SetConsentValidityAsync(months: 6);
        var (client, witnessId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var id = await AddPatientAsync(App);
        var signedOn = ClinicToday.AddDays(-2);

        var response = await PostConsentAsync(client, id, ("Consent.Kind", "KapTreatment"), ("Consent.SignedOn", Iso(signedOn)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var consent = await SingleConsentAsync(id);
        Assert.Equal(signedOn.AddMonths(6), consent.ExpiresOn);
        Assert.Equal(witnessId, consent.WitnessId);
        Assert.Equal("Test Clinician", consent.WitnessName);
        Assert.Equal("Ada Lovelace", consent.PatientTypedName);
        Assert.DoesNotContain(await ConsentAlertsAsync(id), a => a.Contains("Consent", StringComparison.Ordinal));

        // 20 days before it expires: a warning with the date.
        fixture.Clock.SetUtcNow(new DateTimeOffset(consent.ExpiresOn.AddDays(-20).ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero));
        var expiring = Assert.Single(await ConsentAlertsAsync(id));
        Assert.Contains("Consent expiring", expiring, StringComparison.Ordinal);
        Assert.Contains($"{consent.ExpiresOn.ToString("d MMM yyyy", CultureInfo.InvariantCulture)} (in 20 days)", expiring, StringComparison.Ordinal);

        // On the expiry date it is no longer valid.
        fixture.Clock.SetUtcNow(new DateTimeOffset(consent.ExpiresOn.ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero));
        Assert.Contains("Consent expired", Assert.Single(await ConsentAlertsAsync(id)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_route_consent_needs_its_route()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var id = await AddPatientAsync(App);

        var response = await PostConsentAsync(client, id, ("Consent.Kind", "RouteOfAdministration"), ("Consent.SignedOn", Iso(ClinicToday)));

        var document = await ParseAsync(response);
        Assert.Contains("Choose the route", document.QuerySelector("#consent-route-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Ada Lovelace", document.QuerySelector("#Consent_PatientTypedName")!.GetAttribute("value"));
        Assert.Equal("RouteOfAdministration", document.QuerySelector("#Consent_Kind option[selected]")!.GetAttribute("value"));
        Assert.True(document.QuerySelector("#consents details")!.HasAttribute("open"));
    }

    [Fact]
    public async Task A_consent_signed_in_the_future_is_refused()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var id = await AddPatientAsync(App);
        var tomorrow = Iso(ClinicToday.AddDays(1));

        var response = await PostConsentAsync(client, id, ("Consent.Kind", "KapTreatment"), ("Consent.SignedOn", tomorrow));

        var document = await ParseAsync(response);
        Assert.Contains("cannot be in the future", document.QuerySelector("#consent-date-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(tomorrow, document.QuerySelector("#Consent_SignedOn")!.GetAttribute("value"));
        Assert.Equal("KAP informed consent", document.QuerySelector("#Consent_DocumentName")!.GetAttribute("value"));
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Task<HttpResponseMessage> PostConsentAsync(HttpClient client, Guid id, params (string Name, string Value)[] fields)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Consent.DocumentName"] = "KAP informed consent",
            ["Consent.DocumentVersion"] = "3.0",
            ["Consent.PatientTypedName"] = "Ada Lovelace",
        };
        foreach (var (name, value) in fields)
        {
            form[name] = value;
        }

        return HtmlForms.PostAsync(client, $"/Patients/{id}", form, $"/Patients/{id}?handler=Consent");
    }

    // A new sign-in each time: moving the clock by months ends the previous session.
    private async Task<IReadOnlyList<string>> ConsentAlertsAsync(Guid id)
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        return [.. AlertsIn(await GetDocumentAsync(client, $"/Patients/{id}")).Select(a => a.Text)];
    }

    private async Task<Consent> SingleConsentAsync(Guid id)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().Consents.AsNoTracking().SingleAsync(c => c.PatientId == id);
    }

    private async Task SetConsentValidityAsync(int months)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var settings = scope.ServiceProvider.GetRequiredService<ClinicSettingsService>();
        var current = await settings.GetAsync();
        await settings.UpdateAsync(new ClinicSettingsInput
        {
            ClinicName = current.ClinicName,
            TimeZoneId = current.TimeZoneId,
            ConsentValidityMonths = months,
            MinimumPatientAgeYears = current.MinimumPatientAgeYears,
            Version = current.Version,
        });
    }
}
