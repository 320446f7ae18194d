using KapClinic.Core.Dosing;
using KapClinic.Core.Settings;
using V = KapClinic.Core.Settings.DosingThresholdsInputValidator;

namespace KapClinic.Web.Pages.Admin.Settings;

/// <summary>One number of the "Dosing safety" section: its input name, label, unit, allowed range and CLINICAL.md default.</summary>
public sealed record DosingSafetyField(string Group, string Name, string Label, string Unit, (int Min, int Max) Range, int Default, Func<DosingThresholdsInput, int> Value)
{
    private static readonly DosingThresholds D = DosingThresholds.Defaults;

    public static IReadOnlyList<DosingSafetyField> All { get; } =
    [
        new("Before the dose", nameof(DosingThresholdsInput.FlagSystolic), "Warning at systolic", "mmHg", V.FlagSystolicRange, D.FlagSystolic, x => x.FlagSystolic),
        new("Before the dose", nameof(DosingThresholdsInput.FlagDiastolic), "Warning at diastolic", "mmHg", V.FlagDiastolicRange, D.FlagDiastolic, x => x.FlagDiastolic),
        new("Before the dose", nameof(DosingThresholdsInput.HoldSystolic), "Hold the dose at systolic", "mmHg", V.HoldSystolicRange, D.HoldSystolic, x => x.HoldSystolic),
        new("Before the dose", nameof(DosingThresholdsInput.HoldDiastolic), "Hold the dose at diastolic", "mmHg", V.HoldDiastolicRange, D.HoldDiastolic, x => x.HoldDiastolic),
        new("Before the dose", nameof(DosingThresholdsInput.HoldHeartRateAbove), "Hold when heart rate is above", "/min", V.HoldHeartRateRange, D.HoldHeartRateAbove, x => x.HoldHeartRateAbove),
        new("Before the dose", nameof(DosingThresholdsInput.HoldSpO2Below), "Hold when SpO2 is below", "%", V.SpO2Range, D.HoldSpO2Below, x => x.HoldSpO2Below),
        new("During monitoring", nameof(DosingThresholdsInput.AlertSystolicAbove), "Alert when systolic is above", "mmHg", V.AlertSystolicRange, D.AlertSystolicAbove, x => x.AlertSystolicAbove),
        new("During monitoring", nameof(DosingThresholdsInput.AlertDiastolicAbove), "Alert when diastolic is above", "mmHg", V.AlertDiastolicRange, D.AlertDiastolicAbove, x => x.AlertDiastolicAbove),
        new("During monitoring", nameof(DosingThresholdsInput.AlertHeartRateAbove), "Alert when heart rate is above", "/min", V.AlertHeartRateRange, D.AlertHeartRateAbove, x => x.AlertHeartRateAbove),
        new("During monitoring", nameof(DosingThresholdsInput.AlertSpO2Below), "Alert when SpO2 is below", "%", V.SpO2Range, D.AlertSpO2Below, x => x.AlertSpO2Below),
        new("During monitoring", nameof(DosingThresholdsInput.PostInfusionIntervalMinutes), "Vitals interval after an IV infusion", "min", V.IntervalRange, D.PostInfusionIntervalMinutes, x => x.PostInfusionIntervalMinutes),
        new("During monitoring", nameof(DosingThresholdsInput.EsketamineMinimumMonitoringMinutes), "Esketamine minimum monitoring", "min", V.EsketamineMinimumRange, D.EsketamineMinimumMonitoringMinutes, x => x.EsketamineMinimumMonitoringMinutes),
    ];

    /// <summary>The form field's name and id.</summary>
    public string InputName => $"Input.Dosing.{Name}";

    public string InputId => $"Input_Dosing_{Name}";

    public string Help => Name == nameof(DosingThresholdsInput.EsketamineMinimumMonitoringMinutes)
        ? $"Default {Default} min from the first device (the REMS minimum); allowed {Range.Min}-{Range.Max}."
        : $"Default {Default} {Unit}; allowed {Range.Min}-{Range.Max}.";
}
