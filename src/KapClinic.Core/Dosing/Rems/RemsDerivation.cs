using KapClinic.Core.Common;
using KapClinic.Core.Courses;
using KapClinic.Core.Settings;

namespace KapClinic.Core.Dosing.Rems;

/// <summary>
/// Fills the REMS Patient Monitoring Form from a dosed esketamine session's log, as one pure function. Readings and
/// adverse events are passed apart from the session (they are rows of their own). Only readings from the first
/// device on count for the observations; the pre-dose vitals are the checklist's.
/// </summary>
public static class RemsDerivation
{
    /// <summary>The reading for "about 40 minutes after": the one closest to 40 min, within this window.</summary>
    public const int About40Target = 40;
    public const int About40From = 25;
    public const int About40To = 60;

    public static RemsForm Derive(DosingSession session, IEnumerable<VitalsReading> readings, IEnumerable<AdverseEvent> adverseEvents, RemsFacts facts)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(readings);
        ArgumentNullException.ThrowIfNull(adverseEvents);
        ArgumentNullException.ThrowIfNull(facts);
        if (session.Drug != DrugKind.Esketamine || session.FirstDoseAt is not { } first)
        {
            throw new NotFoundException("The REMS form is for an esketamine session with a dose recorded.");
        }

        var after = readings.Where(r => r.TakenAt >= first).OrderBy(r => r.TakenAt).ThenBy(r => r.Id).ToList();
        var events = adverseEvents.ToList();
        var about40 = About40(after, first);
        var beforeDischarge = after.LastOrDefault(r => r.Vitals.HasBloodPressure && (about40 is null || r.TakenAt > about40.TakenAt));
        var moaas = after.Where(r => r.Moaas is not null).Select(r => r.Moaas!.Value).ToList();
        var cadss = after.Where(r => r.Cadss6 is not null).Select(r => r.Cadss6!.Value).ToList();
        var dissociationMarks = after.Where(r => r.Dissociation is not null).Select(r => r.Dissociation!.Value).ToList();
        var spO2 = after.Where(r => r.SpO2 is not null).Select(r => r.SpO2!.Value).ToList();
        int? lowestSpO2 = spO2.Count > 0 ? spO2.Min() : null;
        var lastPressure = after.LastOrDefault(r => r.Vitals.HasBloodPressure);
        var dose = session.TotalDoseMg;
        return new RemsForm
        {
            SessionId = session.Id,
            PatientId = session.PatientId,
            PatientName = facts.PatientName,
            DateOfBirth = facts.DateOfBirth,
            Mrn = facts.Mrn,
            IsFirstTreatment = facts.IsFirstTreatment,
            TakesBenzodiazepine = session.TakesBenzodiazepine,
            TakesNonBenzodiazepineSedative = session.TakesNonBenzodiazepineSedative,
            TakesPsychostimulant = session.TakesPsychostimulant,
            TakesMaoi = session.TakesMaoi,
            MonitoringClinicianName = facts.MonitoringClinicianName,
            SettingName = facts.ClinicName,
            SessionDate = ClinicCalendar.DateOf(session.StartedAt, facts.TimeZone),
            DoseMg = dose,
            DoseChoice = dose == 56m ? RemsDoseChoice.Mg56 : dose == 84m ? RemsDoseChoice.Mg84 : RemsDoseChoice.Other,
            DeviceCount = session.Administrations.Sum(a => a.DeviceCount ?? 0),
            Lots = [.. session.Administrations.OrderBy(a => a.Sequence).Select(a => a.LotNumber).Distinct(StringComparer.OrdinalIgnoreCase)],
            FirstDeviceAt = first,
            MonitoringEndedAt = session.DischargedAt,
            TotalMonitoringMinutes = session.DischargedAt is { } end ? Minutes(first, end) : null,
            ReadyToLeaveAt = session.ReadyToLeaveAt,
            ReadyToLeaveMinutes = session.ReadyToLeaveAt is { } ready ? Minutes(first, ready) : null,
            VitalsAcceptableBeforeDosing = AcceptableBeforeDosing(session.Checklist.PreDoseVitals, facts.Thresholds),
            VitalsAcceptableAtEnd = lastPressure is null ? null : AcceptableBeforeDosing(lastPressure.Vitals, facts.Thresholds),
            BloodPressureBeforeDosing = session.PreDoseSystolic is { } sys && session.PreDoseDiastolic is { } dia
                ? new RemsBloodPressure(sys, dia, session.PreDoseVitalsAt ?? session.StartedAt, null)
                : null,
            BloodPressureAbout40Minutes = about40 is null ? null : Pressure(about40, first),
            BloodPressureBeforeDischarge = beforeDischarge is null ? null : Pressure(beforeDischarge, first),
            Sedation = moaas.Count > 0 ? moaas.Min() < 5 : null,
            LowestMoaas = moaas.Count > 0 ? moaas.Min() : null,
            Dissociation = cadss.Count + dissociationMarks.Count > 0
                ? dissociationMarks.Contains(Dosing.Dissociation.Present) || cadss.Any(c => c > 0)
                : null,
            HighestCadss6 = cadss.Count > 0 ? cadss.Max() : null,
            RespiratoryDepression = events.Any(e => e.Type == AdverseEventType.RespiratoryDepression) || lowestSpO2 < facts.Thresholds.AlertSpO2Below,
            LowestSpO2 = lowestSpO2,
            SeriousAdverseEvents = [.. events.Where(e => e.IsSerious).OrderBy(e => e.OnsetAt)
                .Select(e => new RemsSeriousEvent(RemsText.EventLabel(e.Type, e.OtherType), e.OnsetAt, e.ActionTaken, e.ResolvedAt))],
            IsSessionSigned = session.IsSigned,
            Submission = facts.Submission,
        };
    }

    /// <summary>
    /// "Acceptable" on the REMS form, before dosing and at the end alike: BP below the pre-dose hold threshold, heart
    /// rate not above and SpO2 not below their hold limits; null (not recorded) without a blood pressure.
    /// </summary>
    public static bool? AcceptableBeforeDosing(VitalSigns vitals, DosingThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(vitals);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (!vitals.HasBloodPressure)
        {
            return null;
        }

        return vitals.Systolic < thresholds.HoldSystolic && vitals.Diastolic < thresholds.HoldDiastolic
            && !(vitals.HeartRate > thresholds.HoldHeartRateAbove) && !(vitals.SpO2 < thresholds.HoldSpO2Below);
    }

    private static VitalsReading? About40(IReadOnlyList<VitalsReading> readings, DateTimeOffset first) =>
        readings.Where(r => r.Vitals.HasBloodPressure)
            .Select(r => (Reading: r, Minutes: (r.TakenAt - first).TotalMinutes))
            .Where(x => x.Minutes >= About40From && x.Minutes <= About40To)
            .OrderBy(x => Math.Abs(x.Minutes - About40Target)).ThenBy(x => x.Minutes)
            .Select(x => x.Reading)
            .FirstOrDefault();

    private static RemsBloodPressure Pressure(VitalsReading reading, DateTimeOffset first) =>
        new(reading.Systolic!.Value, reading.Diastolic!.Value, reading.TakenAt, Minutes(first, reading.TakenAt));

    private static int Minutes(DateTimeOffset from, DateTimeOffset to) => (int)Math.Floor((to - from).TotalMinutes);
}
