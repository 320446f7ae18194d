using System.Globalization;

namespace KapClinic.Core.Dosing;

/// <summary>
/// Monitoring alerts (CLINICAL.md, "During monitoring"): systolic above 180 or diastolic above 110, heart rate above
/// 120, SpO2 below 92 % (each a setting), with the recommended action shown beside the reading.
/// </summary>
public static class ReadingAlerts
{
    public static IReadOnlyList<ReadingAlert> For(VitalSigns vitals, DosingThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(vitals);
        ArgumentNullException.ThrowIfNull(thresholds);
        var alerts = new List<ReadingAlert>();
        if (vitals.Systolic > thresholds.AlertSystolicAbove || vitals.Diastolic > thresholds.AlertDiastolicAbove)
        {
            alerts.Add(new(
                Text($"Blood pressure {vitals.BloodPressureText} is above {thresholds.AlertSystolicAbove}/{thresholds.AlertDiastolicAbove}."),
                "Pause or slow the infusion, recheck in 5 minutes, tell the prescriber; treat per the clinic's hypertension protocol."));
        }

        if (vitals.HeartRate > thresholds.AlertHeartRateAbove)
        {
            alerts.Add(new(
                Text($"Heart rate {vitals.HeartRate}/min is above {thresholds.AlertHeartRateAbove}/min."),
                "Recheck, look for anxiety, pain or arrhythmia, and tell the prescriber."));
        }

        if (vitals.SpO2 < thresholds.AlertSpO2Below)
        {
            alerts.Add(new(
                Text($"SpO2 {vitals.SpO2} % is below {thresholds.AlertSpO2Below} %."),
                "Stop the infusion, rouse the patient, open the airway (jaw thrust), give oxygen and call the prescriber now."));
        }

        return alerts;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
