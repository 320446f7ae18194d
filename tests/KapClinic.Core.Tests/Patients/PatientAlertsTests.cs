using KapClinic.Core.Consents;
using KapClinic.Core.Courses;
using KapClinic.Core.Measures;
using KapClinic.Core.Patients;
using KapClinic.Core.Screening;

namespace KapClinic.Core.Tests.Patients;

public sealed class PatientAlertsTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_patient_with_a_current_consent_and_nothing_else_has_no_alerts()
    {
        var alerts = Alerts(consents: [KapConsent(signedOn: Today.AddMonths(-1))]);

        Assert.Empty(alerts);
    }

    [Fact]
    public void Absolute_contraindication_is_a_danger_alert_with_its_reasons()
    {
        var alerts = Alerts(screening: Screening(ScreeningResult.Absolute, "History of psychosis or mania: yes (absolute)"));

        var alert = Assert.Single(alerts, a => a.Text.StartsWith("Absolute contraindication", StringComparison.Ordinal));
        Assert.Equal(AlertLevel.Danger, alert.Level);
        Assert.Contains("History of psychosis or mania", alert.Text, StringComparison.Ordinal);
        Assert.Contains("no dosing until a prescriber documents clearance", alert.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Relative_contraindication_is_a_warning()
    {
        var alerts = Alerts(screening: Screening(ScreeningResult.Relative, "Glaucoma: yes (relative)"));

        var alert = Assert.Single(alerts, a => a.Text.StartsWith("Relative contraindication", StringComparison.Ordinal));
        Assert.Equal(AlertLevel.Warning, alert.Level);
        Assert.Contains("Glaucoma", alert.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clear_screening_raises_no_alert()
    {
        Assert.DoesNotContain(Alerts(screening: Screening(ScreeningResult.Clear)), a => a.Text.Contains("contraindication", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_active_allergy_is_a_warning()
    {
        var alerts = Alerts(allergies: [new(Guid.NewGuid(), "Penicillin", "hives", Now), new(Guid.NewGuid(), "Latex", null, Now)]);

        Assert.Contains(alerts, a => a is { Level: AlertLevel.Warning, Text: "Allergy: Penicillin (hives)." });
        Assert.Contains(alerts, a => a is { Level: AlertLevel.Warning, Text: "Allergy: Latex." });
    }

    [Fact]
    public void Latest_phq9_with_suicide_risk_is_a_danger_alert()
    {
        var alerts = Alerts(measures: [Measure(Instrument.Phq9, PatientAlerts.SuicideRisk)]);

        var alert = Assert.Single(alerts, a => a.Text.StartsWith("Suicide risk", StringComparison.Ordinal));
        Assert.Equal(AlertLevel.Danger, alert.Level);
        Assert.Contains("PHQ-9", alert.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Latest_phq9_without_suicide_risk_raises_no_alert()
    {
        Assert.DoesNotContain(Alerts(measures: [Measure(Instrument.Phq9)]), a => a.Text.Contains("Suicide", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(PatientAlerts.CssrsHighRisk, AlertLevel.Danger, "high risk")]
    [InlineData(PatientAlerts.CssrsModerateRisk, AlertLevel.Warning, "moderate risk")]
    public void Cssrs_moderate_and_high_risk_raise_alerts(string alertName, AlertLevel level, string words)
    {
        var alerts = Alerts(measures: [Measure(Instrument.CssrsScreener, alertName)]);

        var alert = Assert.Single(alerts, a => a.Text.StartsWith("C-SSRS", StringComparison.Ordinal));
        Assert.Equal(level, alert.Level);
        Assert.Contains(words, alert.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Low_risk_cssrs_raises_no_alert()
    {
        Assert.DoesNotContain(Alerts(measures: [Measure(Instrument.CssrsScreener)]), a => a.Text.StartsWith("C-SSRS", StringComparison.Ordinal));
    }

    [Fact]
    public void No_kap_consent_is_consent_missing_even_with_a_route_consent()
    {
        var routeOnly = KapConsent(signedOn: Today.AddMonths(-1)) with { Kind = ConsentKind.RouteOfAdministration, Route = AdministrationRoute.Intramuscular };

        var alerts = Alerts(consents: [routeOnly]);

        Assert.Contains(alerts, a => a is { Level: AlertLevel.Warning } && a.Text.StartsWith("Consent missing", StringComparison.Ordinal));
    }

    [Fact]
    public void An_expired_kap_consent_is_consent_expired()
    {
        var alerts = Alerts(consents: [KapConsent(signedOn: Today.AddMonths(-12))]);

        var alert = Assert.Single(alerts);
        Assert.StartsWith("Consent expired", alert.Text, StringComparison.Ordinal);
        Assert.Contains("28 Nov 2026", alert.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(30, true)]
    [InlineData(31, false)]
    [InlineData(1, true)]
    public void A_kap_consent_expiring_within_30_days_is_a_warning(int daysLeft, bool warns)
    {
        var expiresOn = Today.AddDays(daysLeft);
        var alerts = Alerts(consents: [KapConsent(signedOn: expiresOn.AddMonths(-12))]);

        Assert.Equal(warns, alerts.Any(a => a.Text.StartsWith("Consent expiring", StringComparison.Ordinal) && a.Text.Contains($"in {daysLeft} day", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_renewed_consent_replaces_the_expired_one()
    {
        var alerts = Alerts(consents: [KapConsent(signedOn: Today.AddMonths(-14)), KapConsent(signedOn: Today.AddDays(-3))]);

        Assert.Empty(alerts);
    }

    [Fact]
    public void Danger_alerts_come_before_warnings()
    {
        var alerts = Alerts(
            screening: Screening(ScreeningResult.Absolute),
            allergies: [new(Guid.NewGuid(), "Penicillin", null, Now)],
            measures: [Measure(Instrument.Phq9, PatientAlerts.SuicideRisk), Measure(Instrument.CssrsScreener, PatientAlerts.CssrsHighRisk)]);

        Assert.Equal(
            [AlertLevel.Danger, AlertLevel.Danger, AlertLevel.Danger, AlertLevel.Warning, AlertLevel.Warning],
            alerts.Select(a => a.Level));
    }

    private static IReadOnlyList<PatientAlert> Alerts(
        ChartScreening? screening = null,
        IReadOnlyList<ChartAllergy>? allergies = null,
        IReadOnlyList<ChartMeasure>? measures = null,
        IReadOnlyList<ChartConsent>? consents = null) =>
        PatientAlerts.For(screening, allergies ?? [], measures ?? [], consents ?? [], Today);

    private static ChartScreening Screening(ScreeningResult result, params string[] reasons) =>
        new(1, result, reasons, Now, null, null, null);

    private static ChartMeasure Measure(Instrument instrument, params string[] alerts) =>
        new(instrument, 10, "moderate", alerts, Now);

    private static ChartConsent KapConsent(DateOnly signedOn) =>
        new(Guid.NewGuid(), ConsentKind.KapTreatment, null, "KAP informed consent", "3", signedOn, signedOn.AddMonths(12), "Ada Lovelace", "Dr. Camila Núñez, MD");
}
