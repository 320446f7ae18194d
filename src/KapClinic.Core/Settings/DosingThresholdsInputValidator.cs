using System.Linq.Expressions;
using FluentValidation;

namespace KapClinic.Core.Settings;

/// <summary>
/// Sensible ranges for each dosing-safety number (a typo such as 1600 for 160 is refused), and the numbers must work
/// together (<see cref="Dosing.DosingThresholds.Problem"/>). The esketamine minimum never goes below the REMS's 120 min.
/// </summary>
public sealed class DosingThresholdsInputValidator : AbstractValidator<DosingThresholdsInput>
{
    public static readonly (int Min, int Max) FlagSystolicRange = (100, 220);
    public static readonly (int Min, int Max) FlagDiastolicRange = (60, 130);
    public static readonly (int Min, int Max) HoldSystolicRange = (100, 240);
    public static readonly (int Min, int Max) HoldDiastolicRange = (60, 140);
    public static readonly (int Min, int Max) HoldHeartRateRange = (60, 180);
    public static readonly (int Min, int Max) SpO2Range = (80, 100);
    public static readonly (int Min, int Max) AlertSystolicRange = (120, 260);
    public static readonly (int Min, int Max) AlertDiastolicRange = (70, 160);
    public static readonly (int Min, int Max) AlertHeartRateRange = (60, 250);
    public static readonly (int Min, int Max) IntervalRange = (5, 60);
    public static readonly (int Min, int Max) EsketamineMinimumRange = (120, 480);

    public DosingThresholdsInputValidator()
    {
        Range(x => x.FlagSystolic, FlagSystolicRange, "The warning systolic pressure", "mmHg");
        Range(x => x.FlagDiastolic, FlagDiastolicRange, "The warning diastolic pressure", "mmHg");
        Range(x => x.HoldSystolic, HoldSystolicRange, "The hold systolic pressure", "mmHg");
        Range(x => x.HoldDiastolic, HoldDiastolicRange, "The hold diastolic pressure", "mmHg");
        Range(x => x.HoldHeartRateAbove, HoldHeartRateRange, "The pre-dose heart-rate hold", "/min");
        Range(x => x.HoldSpO2Below, SpO2Range, "The pre-dose SpO2 hold", "%");
        Range(x => x.AlertSystolicAbove, AlertSystolicRange, "The systolic alert", "mmHg");
        Range(x => x.AlertDiastolicAbove, AlertDiastolicRange, "The diastolic alert", "mmHg");
        Range(x => x.AlertHeartRateAbove, AlertHeartRateRange, "The heart-rate alert", "/min");
        Range(x => x.AlertSpO2Below, SpO2Range, "The SpO2 alert", "%");
        Range(x => x.PostInfusionIntervalMinutes, IntervalRange, "The interval after an infusion", "min");
        RuleFor(x => x.EsketamineMinimumMonitoringMinutes)
            .InclusiveBetween(EsketamineMinimumRange.Min, EsketamineMinimumRange.Max)
            .WithMessage($"Esketamine monitoring must be {EsketamineMinimumRange.Min}-{EsketamineMinimumRange.Max} min (the REMS requires at least 2 hours).");
        RuleFor(x => x)
            .Must(x => x.ToThresholds().Problem() is null)
            .When(InRanges)
            .WithMessage(x => x.ToThresholds().Problem() ?? string.Empty)
            .OverridePropertyName("Thresholds");
    }

    /// <summary>Whether every number is within its own range (only then is how they fit together worth saying).</summary>
    public static bool InRanges(DosingThresholdsInput x)
    {
        ArgumentNullException.ThrowIfNull(x);
        static bool In(int value, (int Min, int Max) range) => value >= range.Min && value <= range.Max;
        return In(x.FlagSystolic, FlagSystolicRange) && In(x.FlagDiastolic, FlagDiastolicRange) && In(x.HoldSystolic, HoldSystolicRange)
            && In(x.HoldDiastolic, HoldDiastolicRange) && In(x.HoldHeartRateAbove, HoldHeartRateRange) && In(x.HoldSpO2Below, SpO2Range)
            && In(x.AlertSystolicAbove, AlertSystolicRange) && In(x.AlertDiastolicAbove, AlertDiastolicRange)
            && In(x.AlertHeartRateAbove, AlertHeartRateRange) && In(x.AlertSpO2Below, SpO2Range)
            && In(x.PostInfusionIntervalMinutes, IntervalRange) && In(x.EsketamineMinimumMonitoringMinutes, EsketamineMinimumRange);
    }

    private void Range(Expression<Func<DosingThresholdsInput, int>> field, (int Min, int Max) range, string name, string unit) =>
        RuleFor(field).InclusiveBetween(range.Min, range.Max).WithMessage($"{name} must be {range.Min}-{range.Max} {unit}.");
}
