using System.Globalization;
using KapClinic.Core.Scheduling;

namespace KapClinic.Core.Dosing;

/// <summary>
/// The vitals a discharge needs (CLINICAL.md, "Discharge": vitals back near baseline): a blood pressure taken since
/// the dose, and no measure whose latest value (at or before the discharge) is beyond its monitoring alert limit.
/// Each measure counts on its own, so a later row with only a comment, or only a heart rate, does not hide a high
/// blood pressure that was never rechecked.
/// </summary>
public static class DischargeVitals
{
    /// <summary>Why the patient may not leave at <paramref name="dischargedAt"/> on these readings, or null when they may.</summary>
    public static string? Problem(
        IEnumerable<VitalsReading> readings, DateTimeOffset firstDoseAt, DateTimeOffset dischargedAt, DosingThresholds thresholds, TimeZoneInfo? timeZone)
    {
        ArgumentNullException.ThrowIfNull(readings);
        ArgumentNullException.ThrowIfNull(thresholds);
        var before = readings.Where(r => r.TakenAt <= dischargedAt).OrderBy(r => r.TakenAt).ThenBy(r => r.Id).ToList();
        if (!before.Any(r => r.TakenAt >= firstDoseAt && r.Vitals.HasBloodPressure))
        {
            return "No blood pressure has been taken since the dose: check the vitals before the patient leaves.";
        }

        var latestPressure = before.Last(r => r.Vitals.HasBloodPressure);
        var latestHeartRate = before.LastOrDefault(r => r.HeartRate is not null);
        var latestSpO2 = before.LastOrDefault(r => r.SpO2 is not null);
        var beyond = new List<(VitalsReading Reading, string Finding)>();
        Add(beyond, latestPressure, new VitalSigns(latestPressure.Systolic, latestPressure.Diastolic, null, null, null), thresholds);
        Add(beyond, latestHeartRate, new VitalSigns(null, null, latestHeartRate?.HeartRate, null, null), thresholds);
        Add(beyond, latestSpO2, new VitalSigns(null, null, null, latestSpO2?.SpO2, null), thresholds);
        if (beyond.Count == 0)
        {
            return null;
        }

        var zone = timeZone ?? TimeZoneInfo.Utc;
        var described = beyond.GroupBy(b => b.Reading).OrderBy(g => g.Key.TakenAt)
            .Select(g => ClinicTimes.FormatTime(ClinicTimes.TimeOf(g.Key.TakenAt, zone)) + ": " + string.Join(", ", g.Select(b => b.Finding)))
            .ToList();
        return described.Count == 1
            ? $"The latest reading ({described[0]}) is beyond an alert limit: take a new reading within limits before discharge."
            : $"The latest readings ({string.Join("; ", described)}) are beyond alert limits: take a new reading within limits before discharge.";
    }

    private static void Add(List<(VitalsReading, string)> beyond, VitalsReading? reading, VitalSigns only, DosingThresholds thresholds)
    {
        if (reading is null)
        {
            return;
        }

        if (ReadingAlerts.For(only, thresholds).Count > 0)
        {
            beyond.Add((reading, Value(only)));
        }
    }

    private static string Value(VitalSigns only) =>
        only.HasBloodPressure ? "BP " + only.BloodPressureText
        : only.HeartRate is { } hr ? string.Create(CultureInfo.InvariantCulture, $"heart rate {hr}/min")
        : string.Create(CultureInfo.InvariantCulture, $"SpO2 {only.SpO2} %");
}
