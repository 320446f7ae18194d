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

    /// <summary>
    /// Why a session total of <paramref name="totalMg"/> is outside the protocol's range, or null when inside. The
    /// message leads with the limit in mg (what the nurse measures), then the per-kg rule behind it, then the dose's
    /// own mg/kg with enough decimals to differ from the limit (34.99 mg at 70 kg is 0.4999 mg/kg, not "0.50").
    /// </summary>
    public static string? RangeProblem(DosingSession session, decimal totalMg, decimal? weightKg)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.DoseUnit == DoseUnit.Mg)
        {
            return totalMg < session.DoseMin ? Text($"A total of {totalMg:0.####} mg is below the protocol's minimum of {session.DoseMin:0.####} mg.")
                : totalMg > session.DoseMax ? Text($"A total of {totalMg:0.####} mg is above the protocol's maximum of {session.DoseMax:0.####} mg.")
                : null;
        }

        if (weightKg is not > 0)
        {
            return "The dose range is per kg: record the weight of the day first.";
        }

        // Compare exactly (not the rounded figure) so an edge dose such as 0.5 mg/kg x 70 kg = 35 mg passes.
        var kg = weightKg.Value;
        var min = session.DoseMin * kg;
        var max = session.DoseMax * kg;
        if (totalMg >= min && totalMg <= max)
        {
            return null;
        }

        var below = totalMg < min;
        var (word, limitMg, limitPerKg) = below ? ("below the protocol's minimum", min, session.DoseMin) : ("above the protocol's maximum", max, session.DoseMax);
        return Text($"A total of {totalMg:0.####} mg is {word} of {limitMg:0.####} mg ({limitPerKg:0.####} mg/kg at {kg:0.##} kg): it is {PerKgBeside(totalMg / kg, limitPerKg)} mg/kg.");
    }

    /// <summary>mg/kg to 2 decimals, or more (up to 4) while the rounded figure would read as the limit itself.</summary>
    private static string PerKgBeside(decimal perKg, decimal limit)
    {
        for (var decimals = 2; decimals < 4; decimals++)
        {
            var rounded = decimal.Round(perKg, decimals, MidpointRounding.AwayFromZero);
            if (rounded != limit)
            {
                return rounded.ToString("0.00##", CultureInfo.InvariantCulture);
            }
        }

        return decimal.Round(perKg, 4, MidpointRounding.AwayFromZero).ToString("0.0000", CultureInfo.InvariantCulture);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
