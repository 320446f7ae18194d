using System.Globalization;
using KapClinic.Core.Courses;

namespace KapClinic.Core.Dosing;

/// <summary>
/// The safety gates before a dose (CLINICAL.md, "Dosing-session safety"), as one pure function so the service, the
/// page and the tests agree. The service refuses a dose while any hold applies and no prescriber overrode it.
/// </summary>
public static class DosingGates
{
    /// <summary>
    /// Every gate that applies to giving <paramref name="doseMg"/> now (null: not yet known, so no range check),
    /// holds first. <paramref name="alreadyGivenMg"/> is what earlier administrations of the session gave: the
    /// range is checked on the session's total.
    /// </summary>
    public static IReadOnlyList<GateFinding> Evaluate(
        DosingSession session, Readiness readiness, DosingThresholds thresholds, decimal? doseMg, decimal alreadyGivenMg)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(readiness);
        ArgumentNullException.ThrowIfNull(thresholds);
        var findings = new List<GateFinding>();
        if (!readiness.IsReady)
        {
            findings.Add(new(DosingGate.NotReadyToDose, "The course is not ready to dose: " + string.Join(" ", readiness.Reasons)));
        }

        var checklist = session.Checklist;
        var missing = checklist.Missing(session.PreDoseCssrsRisk);
        if (missing.Count > 0)
        {
            findings.Add(new(DosingGate.ChecklistIncomplete, "The pre-dose checklist is incomplete: " + string.Join(", ", missing) + "."));
        }

        if (checklist.PregnancyTest == PregnancyTest.Positive)
        {
            findings.Add(new(DosingGate.PregnancyTestPositive, "The pregnancy test is positive: pregnancy is an absolute contraindication."));
        }

        if (session.PreDoseCssrsRisk == Integration.RiskLevel.High)
        {
            findings.Add(new(DosingGate.SuicideRiskHigh, "The pre-dose C-SSRS screener found high suicide risk: follow the safety protocol before any dose."));
        }

        var vitals = checklist.PreDoseVitals;
        if (vitals.HasBloodPressure)
        {
            if (vitals.Systolic >= thresholds.HoldSystolic || vitals.Diastolic >= thresholds.HoldDiastolic)
            {
                findings.Add(new(DosingGate.BloodPressureHold, Text($"Pre-dose blood pressure {vitals.BloodPressureText} is at or above the hold threshold {thresholds.HoldSystolic}/{thresholds.HoldDiastolic}: hold the dose, recheck after rest.")));
            }
            else if (vitals.Systolic >= thresholds.FlagSystolic || vitals.Diastolic >= thresholds.FlagDiastolic)
            {
                findings.Add(new(DosingGate.BloodPressureFlag, Text($"Pre-dose blood pressure {vitals.BloodPressureText} is at or above {thresholds.FlagSystolic}/{thresholds.FlagDiastolic}: watch it closely during monitoring.")));
            }
        }

        if (vitals.HeartRate > thresholds.HoldHeartRateAbove)
        {
            findings.Add(new(DosingGate.HeartRateHold, Text($"Pre-dose heart rate {vitals.HeartRate}/min is above the hold limit of {thresholds.HoldHeartRateAbove}/min.")));
        }

        if (vitals.SpO2 < thresholds.HoldSpO2Below)
        {
            findings.Add(new(DosingGate.SpO2Hold, Text($"Pre-dose SpO2 {vitals.SpO2} % is below the hold limit of {thresholds.HoldSpO2Below} %.")));
        }

        if (doseMg is { } dose && RangeProblem(session, dose + alreadyGivenMg, checklist.WeightKg) is { } problem)
        {
            findings.Add(new(DosingGate.DoseOutOfRange, problem));
        }

        return [.. findings.OrderBy(f => f.IsHold ? 0 : 1)];
    }

    /// <summary>mg/kg of <paramref name="doseMg"/> at the weight of the day (2 decimals), or null without a weight.</summary>
    public static decimal? MgPerKg(decimal doseMg, decimal? weightKg) =>
        weightKg is > 0 ? decimal.Round(doseMg / weightKg.Value, 2, MidpointRounding.AwayFromZero) : null;

    /// <summary>Why a session total of <paramref name="totalMg"/> is outside the protocol's range, or null when inside.</summary>
    public static string? RangeProblem(DosingSession session, decimal totalMg, decimal? weightKg)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.DoseUnit == DoseUnit.Mg)
        {
            return totalMg < session.DoseMin || totalMg > session.DoseMax
                ? Text($"A total of {totalMg:0.##} mg is outside the protocol's range of {session.DoseMin:0.##}-{session.DoseMax:0.##} mg.")
                : null;
        }

        if (weightKg is not > 0)
        {
            return "The dose range is per kg: record the weight of the day first.";
        }

        // Compare exactly (not the rounded figure) so an edge dose such as 0.5 mg/kg x 70 kg = 35 mg passes.
        var min = session.DoseMin * weightKg.Value;
        var max = session.DoseMax * weightKg.Value;
        return totalMg < min || totalMg > max
            ? Text($"A total of {totalMg:0.##} mg is {MgPerKg(totalMg, weightKg):0.##} mg/kg at {weightKg:0.#} kg, outside the protocol's range of {session.DoseMin:0.##}-{session.DoseMax:0.##} mg/kg ({min:0.#}-{max:0.#} mg).")
            : null;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
