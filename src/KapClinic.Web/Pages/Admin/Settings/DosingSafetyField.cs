using KapClinic.Core.Dosing;
using KapClinic.Core.Settings;
using V = KapClinic.Core.Settings.DosingThresholdsInputValidator;

namespace KapClinic.Web.Pages.Admin.Settings;

/// <summary>One number of the "Dosing safety" section: its input name, label, unit, allowed range and CLINICAL.md default.</summary>
public sealed record DosingSafetyField(
    string Group, string Name, string Label, string Unit, string Meaning, (int Min, int Max) Range, int Default, Func<DosingThresholdsInput, int> Value)
{
    private static readonly DosingThresholds D = DosingThresholds.Defaults;

    public static IReadOnlyList<DosingSafetyField> All { get; } =
    [
        new("Before the dose", nameof(DosingThresholdsInput.FlagSystolic), "Warning: systolic at", "mmHg", "At or above: a warning that does not block.", V.FlagSystolicRange, D.FlagSystolic, x => x.FlagSystolic),
        new("Before the dose", nameof(DosingThresholdsInput.FlagDiastolic), "Warning: diastolic at", "mmHg", "At or above: a warning that does not block.", V.FlagDiastolicRange, D.FlagDiastolic, x => x.FlagDiastolic),
        new("Before the dose", nameof(DosingThresholdsInput.HoldSystolic), "Hold: systolic at", "mmHg", "At or above: the dose waits for a prescriber's override.", V.HoldSystolicRange, D.HoldSystolic, x => x.HoldSystolic),
        new("Before the dose", nameof(DosingThresholdsInput.HoldDiastolic), "Hold: diastolic at", "mmHg", "At or above: the dose waits for a prescriber's override.", V.HoldDiastolicRange, D.HoldDiastolic, x => x.HoldDiastolic),
        new("Before the dose", nameof(DosingThresholdsInput.HoldHeartRateAbove), "Hold: heart rate above", "/min", "Above: the dose waits for a prescriber's override.", V.HoldHeartRateRange, D.HoldHeartRateAbove, x => x.HoldHeartRateAbove),
        new("Before the dose", nameof(DosingThresholdsInput.HoldSpO2Below), "Hold: SpO2 below", "%", "Below: the dose waits for a prescriber's override.", V.SpO2Range, D.HoldSpO2Below, x => x.HoldSpO2Below),
        new("During monitoring", nameof(DosingThresholdsInput.AlertSystolicAbove), "Alert: systolic above", "mmHg", "Above: the reading is flagged with the action to take.", V.AlertSystolicRange, D.AlertSystolicAbove, x => x.AlertSystolicAbove),
        new("During monitoring", nameof(DosingThresholdsInput.AlertDiastolicAbove), "Alert: diastolic above", "mmHg", "Above: the reading is flagged with the action to take.", V.AlertDiastolicRange, D.AlertDiastolicAbove, x => x.AlertDiastolicAbove),
        new("During monitoring", nameof(DosingThresholdsInput.AlertHeartRateAbove), "Alert: heart rate above", "/min", "Above: the reading is flagged with the action to take.", V.AlertHeartRateRange, D.AlertHeartRateAbove, x => x.AlertHeartRateAbove),
        new("During monitoring", nameof(DosingThresholdsInput.AlertSpO2Below), "Alert: SpO2 below", "%", "Below: the reading is flagged with the action to take.", V.SpO2Range, D.AlertSpO2Below, x => x.AlertSpO2Below),
        new("During monitoring", nameof(DosingThresholdsInput.PostInfusionIntervalMinutes), "Interval after IV infusion", "min", "Vitals this often once an infusion has ended.", V.IntervalRange, D.PostInfusionIntervalMinutes, x => x.PostInfusionIntervalMinutes),
        new("During monitoring", nameof(DosingThresholdsInput.EsketamineMinimumMonitoringMinutes), "Esketamine monitoring", "min", "Least time from the first device to discharge (REMS: 120).", V.EsketamineMinimumRange, D.EsketamineMinimumMonitoringMinutes, x => x.EsketamineMinimumMonitoringMinutes),
    ];

    /// <summary>The form field's name and id.</summary>
    public string InputName => $"Input.Dosing.{Name}";

    public string InputId => $"Input_Dosing_{Name}";

    public string Help => $"{Meaning} Default {Default} {Unit}; allowed {Range.Min}-{Range.Max}.";
}
