using KapClinic.Core.Dosing;

namespace KapClinic.Core.Settings;

/// <summary>The "Dosing safety" part of the clinic-settings form: every <see cref="DosingThresholds"/> number.</summary>
public sealed class DosingThresholdsInput
{
    public int FlagSystolic { get; set; } = DosingThresholds.Defaults.FlagSystolic;

    public int FlagDiastolic { get; set; } = DosingThresholds.Defaults.FlagDiastolic;

    public int HoldSystolic { get; set; } = DosingThresholds.Defaults.HoldSystolic;

    public int HoldDiastolic { get; set; } = DosingThresholds.Defaults.HoldDiastolic;

    public int HoldHeartRateAbove { get; set; } = DosingThresholds.Defaults.HoldHeartRateAbove;

    public int HoldSpO2Below { get; set; } = DosingThresholds.Defaults.HoldSpO2Below;

    public int AlertSystolicAbove { get; set; } = DosingThresholds.Defaults.AlertSystolicAbove;

    public int AlertDiastolicAbove { get; set; } = DosingThresholds.Defaults.AlertDiastolicAbove;

    public int AlertHeartRateAbove { get; set; } = DosingThresholds.Defaults.AlertHeartRateAbove;

    public int AlertSpO2Below { get; set; } = DosingThresholds.Defaults.AlertSpO2Below;

    public int PostInfusionIntervalMinutes { get; set; } = DosingThresholds.Defaults.PostInfusionIntervalMinutes;

    public int EsketamineMinimumMonitoringMinutes { get; set; } = DosingThresholds.Defaults.EsketamineMinimumMonitoringMinutes;

    public static DosingThresholdsInput From(DosingThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        return new()
        {
            FlagSystolic = thresholds.FlagSystolic,
            FlagDiastolic = thresholds.FlagDiastolic,
            HoldSystolic = thresholds.HoldSystolic,
            HoldDiastolic = thresholds.HoldDiastolic,
            HoldHeartRateAbove = thresholds.HoldHeartRateAbove,
            HoldSpO2Below = thresholds.HoldSpO2Below,
            AlertSystolicAbove = thresholds.AlertSystolicAbove,
            AlertDiastolicAbove = thresholds.AlertDiastolicAbove,
            AlertHeartRateAbove = thresholds.AlertHeartRateAbove,
            AlertSpO2Below = thresholds.AlertSpO2Below,
            PostInfusionIntervalMinutes = thresholds.PostInfusionIntervalMinutes,
            EsketamineMinimumMonitoringMinutes = thresholds.EsketamineMinimumMonitoringMinutes,
        };
    }

    public DosingThresholds ToThresholds() => new()
    {
        FlagSystolic = FlagSystolic,
        FlagDiastolic = FlagDiastolic,
        HoldSystolic = HoldSystolic,
        HoldDiastolic = HoldDiastolic,
        HoldHeartRateAbove = HoldHeartRateAbove,
        HoldSpO2Below = HoldSpO2Below,
        AlertSystolicAbove = AlertSystolicAbove,
        AlertDiastolicAbove = AlertDiastolicAbove,
        AlertHeartRateAbove = AlertHeartRateAbove,
        AlertSpO2Below = AlertSpO2Below,
        PostInfusionIntervalMinutes = PostInfusionIntervalMinutes,
        EsketamineMinimumMonitoringMinutes = EsketamineMinimumMonitoringMinutes,
    };
}
