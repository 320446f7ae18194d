using KapClinic.Core.Dosing;

namespace KapClinic.Core.Tests.Dosing;

public sealed class ReadingAlertsTests
{
    [Theory]
    [InlineData(180, 100, 80, 97)]
    [InlineData(170, 110, 80, 97)]
    [InlineData(130, 80, 120, 97)]
    [InlineData(130, 80, 80, 92)]
    public void Values_at_the_alert_limits_give_no_alert(int systolic, int diastolic, int heartRate, int spO2)
    {
        Assert.Empty(ReadingAlerts.For(new VitalSigns(systolic, diastolic, heartRate, spO2, 14), DosingThresholds.Defaults));
    }

    [Theory]
    [InlineData(181, 100, "Blood pressure 181/100 is above 180/110.", "Pause or slow the infusion")]
    [InlineData(170, 111, "Blood pressure 170/111 is above 180/110.", "Pause or slow the infusion")]
    public void Blood_pressure_above_180_or_110_alerts_with_an_action(int systolic, int diastolic, string finding, string action)
    {
        var alert = Assert.Single(ReadingAlerts.For(new VitalSigns(systolic, diastolic, 80, 97, 14), DosingThresholds.Defaults));

        Assert.Equal(finding, alert.Finding);
        Assert.StartsWith(action, alert.RecommendedAction, StringComparison.Ordinal);
        Assert.Contains("tell the prescriber", alert.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public void A_heart_rate_above_120_alerts_with_an_action()
    {
        var alert = Assert.Single(ReadingAlerts.For(new VitalSigns(null, null, 121, null, null), DosingThresholds.Defaults));

        Assert.Equal("Heart rate 121/min is above 120/min.", alert.Finding);
        Assert.Equal("Recheck, look for anxiety, pain or arrhythmia, and tell the prescriber.", alert.RecommendedAction);
    }

    [Fact]
    public void An_spo2_below_92_alerts_with_the_airway_action()
    {
        var alert = Assert.Single(ReadingAlerts.For(new VitalSigns(null, null, null, 91, null), DosingThresholds.Defaults));

        Assert.Equal("SpO2 91 % is below 92 %.", alert.Finding);
        Assert.Contains("give oxygen", alert.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_values_out_give_one_alert_each_and_empty_vitals_none()
    {
        Assert.Equal(3, ReadingAlerts.For(new VitalSigns(190, 115, 130, 88, 8), DosingThresholds.Defaults).Count);
        Assert.Empty(ReadingAlerts.For(new VitalSigns(null, null, null, null, null), DosingThresholds.Defaults));
    }

    [Fact]
    public void The_clinics_alert_settings_apply()
    {
        var thresholds = DosingThresholds.Defaults with { AlertSystolicAbove = 170, AlertSpO2Below = 94 };

        Assert.Equal(2, ReadingAlerts.For(new VitalSigns(171, 90, 80, 93, 14), thresholds).Count);
        Assert.Empty(ReadingAlerts.For(new VitalSigns(170, 90, 80, 94, 14), thresholds));
    }
}
