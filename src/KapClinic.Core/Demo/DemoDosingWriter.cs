using KapClinic.Core.Data;
using KapClinic.Core.Dosing;
using KapClinic.Core.Integration;
using KapClinic.Core.Measures;
using KapClinic.Core.Notes;
using KapClinic.Core.Patients;

namespace KapClinic.Core.Demo;

/// <summary>
/// Writes a <see cref="DemoDosingPlan"/> through the domain, each step at the time it happened: start, pre-dose
/// C-SSRS and checklist, the gates and the dose (a hold only with the prescriber's override), infusion end,
/// readings and adverse events, discharge; saved while a draft (the database takes child rows only then), then
/// signed by the monitoring clinician. Each dose is taken from a stock lot when the demo has one (its ledger entry
/// is written afterwards, in time order), else it keeps the plan's lot number.
/// </summary>
internal sealed class DemoDosingWriter(KapClinicDbContext db, DosingThresholds thresholds, NoteSigner prescriber, DemoStock stock)
{
    public async Task<DosingSession> WriteAsync(DemoDosingCourse course, DemoDosingPlan plan, CancellationToken cancellationToken)
    {
        var start = plan.StartedAt;
        var monitor = plan.Monitor;
        var session = new DosingSession(course.PatientId, course.CourseId, monitor.Id, prescriber.Id, course.Protocol, null, start, start);
        db.DosingSessions.Add(session);
        var cssrs = Cssrs(course, session.Id, monitor.Id, start.AddMinutes(-10));
        db.MeasureResponses.Add(cssrs);
        session.RecordChecklist(Checklist(course, plan), start.AddMinutes(6));
        session.RecordPreDoseCssrs(cssrs.Id, IntegrationNoteQueries.LevelOf(cssrs.Alerts), start.AddMinutes(6));
        foreach (var dose in plan.Doses)
        {
            Administer(session, course, plan, dose);
        }

        var header = new SessionHeader(session.Id, session.PatientId, session.StartedAt, null, false);
        foreach (var r in plan.Readings)
        {
            var at = plan.At(r.Minute);
            db.VitalsReadings.Add(VitalsReading.Record(
                header, new VitalsReadingValues(at, r.Vitals, r.Moaas, r.Dissociation, null, r.Nausea, r.Comment), monitor.Id, at.AddMinutes(1)));
        }

        foreach (var e in plan.Events)
        {
            DateTimeOffset? resolved = e.ResolvedMinute is { } minute ? plan.At(minute) : null;
            db.AdverseEvents.Add(AdverseEvent.Record(
                header, new AdverseEventValues(e.Type, null, e.Severity, plan.At(e.OnsetMinute), e.ActionTaken, resolved), monitor.Id, (resolved ?? plan.At(e.OnsetMinute)).AddMinutes(3)));
        }

        if (plan.DischargeMinute is { } discharge)
        {
            var at = plan.At(discharge);
            session.RecordPatientAccount(plan.Account, at);
            session.Discharge(
                new DischargeAssessment(true, true, true, true, true, true, at, $"{course.RideName}, by car", plan.ReadyToLeaveMinute is { } ready ? plan.At(ready) : null),
                thresholds,
                at.AddMinutes(2));
        }

        await db.SaveChangesAsync(cancellationToken);
        if (plan.DischargeMinute is { } signed)
        {
            session.Sign(monitor, plan.At(signed).AddMinutes(20));
            await db.SaveChangesAsync(cancellationToken);
        }

        return session;
    }

    private void Administer(DosingSession session, DemoDosingCourse course, DemoDosingPlan plan, DemoDosingPlan.Dose dose)
    {
        var at = plan.At(dose.Minute);
        var holds = DosingGates.Evaluate(session, course.Readiness, thresholds, dose.Mg, session.TotalDoseMg).Where(f => f.IsHold).ToList();
        var overrideRequest = holds.Count > 0 && plan.OverrideReason is { } reason
            ? new GateOverrideRequest(prescriber.Id, prescriber.SignatureName, holds.ToDictionary(h => h.Gate, string? (_) => reason))
            : null;
        var lot = stock.Take(session.Drug, session.Route, at, dose.Mg);
        var administration = session.Administer(
            new DoseDetails(
                session.Drug, session.Route, dose.Mg, dose.ConcentrationMgPerMl, dose.VolumeMl, at, null, dose.RateMlPerHour, dose.Devices, lot?.Lot.LotNumber ?? dose.Lot,
                plan.Monitor.Id, prescriber.Id)
            {
                LotId = lot?.Lot.Id,
            },
            course.Readiness,
            thresholds,
            overrideRequest,
            at.AddMinutes(1));
        if (dose.InfusionMinutes is { } minutes && plan.DischargeMinute is not null)
        {
            var end = at.AddMinutes(minutes);
            session.EndInfusion(administration.Id, end, null, end.AddMinutes(1));
        }
    }

    private static PreDoseChecklist Checklist(DemoDosingCourse course, DemoDosingPlan plan) => new()
    {
        IdentityVerified = true,
        ConsentCurrent = true,
        Fasting = true,
        RideHomeName = course.RideName,
        RideHomePhone = course.RidePhone,
        NoContraindicatedMedicationToday = true,
        PregnancyTest = course.PregnancyTest,
        Intention = plan.Intention,
        MoodScore = plan.Mood,
        WeightKg = plan.WeightKg,
        PreDoseVitals = plan.PreDose,
        PreDoseVitalsAt = plan.StartedAt.AddMinutes(4),
        TakesBenzodiazepine = course.Medications.Contains(MedicationClass.Benzodiazepine),
        TakesNonBenzodiazepineSedative = course.Medications.Contains(MedicationClass.OtherSedative),
        TakesPsychostimulant = course.Medications.Contains(MedicationClass.Stimulant),
        TakesMaoi = course.Medications.Contains(MedicationClass.Maoi),
    };

    // The pre-dose C-SSRS screener, taken in the waiting room: no ideation, no behaviour.
    private static MeasureResponse Cssrs(DemoDosingCourse course, Guid sessionId, Guid enteredBy, DateTimeOffset takenAt)
    {
        int[] answers = [0, 0, 0, 0, 0, 0, 0];
        var score = MeasureScoring.Score(Instrument.CssrsScreener, answers);
        return new MeasureResponse(
            course.PatientId, Instrument.CssrsScreener, answers, score.Total, score.Band, score.Severity?.ToString(), score.Alerts.Select(a => a.ToString()),
            score.Subscales, takenAt, enteredBy, course.CourseId, sessionId, takenAt.AddMinutes(2));
    }
}
