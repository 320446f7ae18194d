using KapClinic.Core.Courses;

namespace KapClinic.Core.Dosing;

/// <summary>
/// When the next reading is due (CLINICAL.md, "During monitoring"): from the first dose, every protocol interval
/// after the latest reading. IV: the protocol's interval (10 min) while an infusion runs, then the post-infusion
/// interval (15 min). Esketamine's protocol interval (40 min) gives the REMS readings at about 40 min and then
/// before discharge. Nothing is due before the dose or after discharge. Only a reading with a blood pressure resets
/// the clock: a row with only a comment, nausea or a sedation score is not the vitals check that was due.
/// </summary>
public static class MonitoringSchedule
{
    /// <summary>The next reading due after <paramref name="readings"/> (those without a blood pressure do not count).</summary>
    public static NextReading? NextFromReadings(DosingSession session, IEnumerable<VitalsReading> readings, DosingThresholds thresholds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(readings);
        return Next(session, readings.Where(r => r.Vitals.HasBloodPressure).Select(r => r.TakenAt), thresholds, now);
    }

    /// <summary>The next reading due after readings with a blood pressure taken at <paramref name="bloodPressureTimes"/>.</summary>
    public static NextReading? Next(DosingSession session, IEnumerable<DateTimeOffset> bloodPressureTimes, DosingThresholds thresholds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (session.FirstDoseAt is not { } firstDose || session.IsDischarged || session.IsSigned)
        {
            return null;
        }

        var latest = bloodPressureTimes.Where(t => t >= firstDose).DefaultIfEmpty(firstDose).Max();
        var interval = IntervalAt(session, latest, thresholds);
        var due = latest.AddMinutes(interval);
        return new NextReading(due, interval, now > due);
    }

    /// <summary>The interval that applies after a reading at <paramref name="at"/>.</summary>
    public static int IntervalAt(DosingSession session, DateTimeOffset at, DosingThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (session.Route != AdministrationRoute.Intravenous)
        {
            return session.VitalsIntervalMinutes;
        }

        var infusing = session.Administrations.Any(a => a.IsInfusion && a.AdministeredAt <= at && (a.InfusionEndAt is null || a.InfusionEndAt > at));
        return infusing ? session.VitalsIntervalMinutes : thresholds.PostInfusionIntervalMinutes;
    }
}
