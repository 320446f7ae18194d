using KapClinic.Core.Dosing;
using KapClinic.Core.Settings;

namespace KapClinic.Core.Tests.Dosing;

public sealed class DosingThresholdsTests
{
    [Fact]
    public void The_defaults_are_the_clinical_documents_numbers()
    {
        var d = DosingThresholds.Defaults;

        Assert.Equal((140, 90, 160, 100, 110, 94), (d.FlagSystolic, d.FlagDiastolic, d.HoldSystolic, d.HoldDiastolic, d.HoldHeartRateAbove, d.HoldSpO2Below));
        Assert.Equal((180, 110, 120, 92, 15, 120), (d.AlertSystolicAbove, d.AlertDiastolicAbove, d.AlertHeartRateAbove, d.AlertSpO2Below, d.PostInfusionIntervalMinutes, d.EsketamineMinimumMonitoringMinutes));
        Assert.Null(d.Problem());
        Assert.Equal(d, new ClinicSettings("Clinic", "UTC").Dosing);
    }

    [Theory]
    [InlineData(165, 90, 160, 100, 110, 94, "The warning blood pressure must not be above the hold blood pressure.")]
    [InlineData(140, 90, 185, 100, 110, 94, "The hold blood pressure must not be above the monitoring alert.")]
    [InlineData(140, 90, 160, 115, 110, 94, "The hold blood pressure must not be above the monitoring alert.")]
    [InlineData(140, 90, 160, 100, 125, 94, "The pre-dose heart-rate hold must not be above the monitoring alert.")]
    [InlineData(140, 90, 160, 100, 110, 90, "The pre-dose SpO2 hold must not be below the monitoring alert.")]
    public void Inconsistent_thresholds_are_refused_by_the_settings(int flagSys, int flagDia, int holdSys, int holdDia, int holdHr, int holdSpO2, string problem)
    {
        var thresholds = new DosingThresholds
        {
            FlagSystolic = flagSys,
            FlagDiastolic = flagDia,
            HoldSystolic = holdSys,
            HoldDiastolic = holdDia,
            HoldHeartRateAbove = holdHr,
            HoldSpO2Below = holdSpO2,
        };
        var settings = new ClinicSettings("Clinic", "UTC");

        Assert.Equal(problem, thresholds.Problem());
        Assert.StartsWith(problem, Assert.Throws<ArgumentException>(() => settings.SetDosingThresholds(thresholds)).Message, StringComparison.Ordinal);
        Assert.Equal(DosingThresholds.Defaults, settings.Dosing);
    }

    [Fact]
    public void Consistent_thresholds_are_kept()
    {
        var settings = new ClinicSettings("Clinic", "UTC");
        var stricter = DosingThresholds.Defaults with { FlagSystolic = 135, HoldSystolic = 150, HoldDiastolic = 95 };

        settings.SetDosingThresholds(stricter);

        Assert.Equal(stricter, settings.Dosing);
    }
}
