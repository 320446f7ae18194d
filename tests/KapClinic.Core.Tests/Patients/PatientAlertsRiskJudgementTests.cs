using KapClinic.Core.Integration;
using KapClinic.Core.Patients;

namespace KapClinic.Core.Tests.Patients;

public sealed class PatientAlertsRiskJudgementTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    [Theory]
    [InlineData(RiskLevel.High, AlertLevel.Danger)]
    [InlineData(RiskLevel.Moderate, AlertLevel.Warning)]
    public void A_clinician_judged_moderate_or_high_risk_raises_a_chart_alert(RiskLevel level, AlertLevel expected)
    {
        var alerts = PatientAlerts.For(null, [], [], [], Today, new ChartRiskJudgement(level, Today.AddDays(-2)));

        var alert = Assert.Single(alerts, a => a.Text.StartsWith("Suicide risk judged", StringComparison.Ordinal));
        Assert.Equal(expected, alert.Level);
    }

    [Fact]
    public void A_low_judged_risk_raises_no_alert() =>
        Assert.DoesNotContain(
            PatientAlerts.For(null, [], [], [], Today, new ChartRiskJudgement(RiskLevel.Low, Today)),
            a => a.Text.StartsWith("Suicide risk judged", StringComparison.Ordinal));
}
