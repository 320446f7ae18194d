using KapClinic.Core.Consents;
using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Dosing;
using KapClinic.Core.Measures;
using KapClinic.Core.Notes;
using KapClinic.Core.Preparation;
using KapClinic.Core.Screening;
using KapClinic.Core.Settings;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.BrowserTests.Dosing;

/// <summary>
/// An IV session in full flow for the monitor page: a course ready to dose, a pre-dose BP at the hold threshold
/// overridden by the prescriber, the infusion over, ten readings every ten minutes (one above the alert limit) and
/// a resolved adverse event. Built through the Core services, on the real clock.
/// </summary>
internal static class MonitorSeed
{
    public static async Task<(Guid PatientId, Guid SessionId)> SessionAsync(KapClinicAppFactory app, Guid clinicianId, Guid prescriberId)
    {
        var now = DateTimeOffset.UtcNow;
        var patientId = await TestPatients.CreateAsync(app, TestPatients.Details("Marisol", "Quintero"));
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<KapClinicDbContext>();
        var course = new TreatmentCourse(patientId, DefaultProtocols.IvKetamineId, DateOnly.FromDateTime(now.UtcDateTime.AddDays(-20)), clinicianId, now.AddDays(-20));
        var screening = new ScreeningVersion(patientId, 1, [], ScreeningResult.Clear, [], clinicianId, now.AddDays(-20));
        var preparedAt = now.AddDays(-7);
        var preparation = new PreparationSession(patientId, course.Id, clinicianId, new PreparationContent(
            preparedAt, 50, SessionModality.InPerson, "Feel present with my children.", [EducationTopic.EffectsAndRisks], screening.Id, ScreeningResult.Clear,
            "Calm, oriented.", "Sam (partner)", true, ReadinessDecision.Ready, "Ready.", "Data.", "Assessment.", "Plan."), preparedAt.AddHours(1));
        preparation.Sign(new NoteSigner(clinicianId, "Author", null, false), preparedAt.AddHours(1));
        db.AddRange(course, screening, preparation, new Consent(
            patientId, ConsentKind.KapTreatment, null, "KAP informed consent", "v3", DateOnly.FromDateTime(now.UtcDateTime.AddDays(-20)), "Marisol Quintero",
            clinicianId, "Front Desk", 12, now.AddDays(-20)));
        await db.SaveChangesAsync();

        var zone = (await services.GetRequiredService<ClinicSettingsService>().GetAsync()).TimeZone;
        DateTime Wall(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).DateTime;
        async Task<uint> VersionAsync(Guid id) => await db.DosingSessions.AsNoTracking().Where(s => s.Id == id).Select(s => s.Version).SingleAsync();
        var start = now.AddMinutes(-112);
        await services.GetRequiredService<MeasureService>().RecordAsync(
            patientId, new MeasureAnswersInput { Instrument = Instrument.CssrsScreener, Answers = [0, 0, 0, 0, 0, 0, 0] }, start.AddMinutes(-15), course.Id, clinicianId);
        var dosing = services.GetRequiredService<DosingSessionService>();
        var sessionId = await dosing.StartAsync(patientId, course.Id, new StartDosingInput { PrescriberId = prescriberId, StartedAt = Wall(start) }, clinicianId);
        await dosing.SaveChecklistAsync(patientId, sessionId, new ChecklistInput
        {
            IdentityVerified = true, ConsentCurrent = true, Fasting = true, RideHomeName = "Sam Rivera", RideHomePhone = "+1 555 0100 300",
            NoContraindicatedMedicationToday = true, PregnancyTest = PregnancyTest.Negative, Intention = "To meet the grief gently.", MoodScore = 4,
            WeightKg = 68.5m, Systolic = 162, Diastolic = 96, HeartRate = 84, SpO2 = 98, RespiratoryRate = 14, PreDoseVitalsAt = Wall(start.AddMinutes(3)),
            Version = await VersionAsync(sessionId),
        });
        var given = start.AddMinutes(10);
        await dosing.AdministerAsync(patientId, sessionId, new DoseInput
        {
            Route = AdministrationRoute.Intravenous, DoseMg = 35m, ConcentrationMgPerMl = 10m, VolumeMl = 3.5m, InfusionRateMlPerHour = 5.25m,
            AdministeredAt = Wall(given), InfusionEndAt = Wall(given.AddMinutes(40)), LotNumber = "KET-24-118", GivenById = clinicianId,
            OverrideReasons = new() { [DosingGate.BloodPressureHold] = "Rechecked after 10 min rest: 152/92. Anxious; benefit outweighs risk. I am at the chair." }, Version = await VersionAsync(sessionId),
        }, prescriberId);

        var monitoring = services.GetRequiredService<MonitoringService>();
        (int Sys, int Dia, int Hr, int SpO2, int Moaas, Dissociation Dis, Nausea Nausea, string? Comment)[] rows =
        [
            (148, 90, 88, 98, 5, Dissociation.Absent, Nausea.None, "Infusion running, chatting."),
            (156, 94, 92, 97, 4, Dissociation.Present, Nausea.None, "Eyes closed, music on."),
            (186, 112, 96, 97, 4, Dissociation.Present, Nausea.Mild, "Prescriber told; infusion slowed."),
            (168, 100, 90, 96, 3, Dissociation.Present, Nausea.Mild, null),
            (152, 92, 86, 96, 3, Dissociation.Present, Nausea.None, "Recheck after slowing."),
            (144, 88, 82, 97, 4, Dissociation.Present, Nausea.None, null),
            (138, 86, 80, 97, 4, Dissociation.Present, Nausea.None, "Tearful, then settled."),
            (134, 84, 78, 98, 5, Dissociation.Absent, Nausea.None, null),
            (130, 82, 76, 98, 5, Dissociation.Absent, Nausea.None, "Talking about the garden."),
            (128, 82, 74, 98, 5, Dissociation.Absent, Nausea.None, null),
        ];
        for (var i = 0; i < rows.Length; i++)
        {
            var r = rows[i];
            await monitoring.AddReadingAsync(patientId, sessionId, new ReadingInput
            {
                TakenAt = Wall(given.AddMinutes(5 + (i * 10))), Systolic = r.Sys, Diastolic = r.Dia, HeartRate = r.Hr, SpO2 = r.SpO2, RespiratoryRate = 14,
                Moaas = r.Moaas, Dissociation = r.Dis, Cadss6 = i == 3 ? 9 : null, Nausea = r.Nausea, Comment = r.Comment,
            }, clinicianId);
        }

        await monitoring.AddAdverseEventAsync(patientId, sessionId, new AdverseEventInput
        {
            Type = AdverseEventType.Hypertension, Severity = AdverseEventSeverity.Moderate, OnsetAt = Wall(given.AddMinutes(25)),
            ActionTaken = "Infusion slowed to 3 mL/h; prescriber at the chair; rechecked every 5 min.", ResolvedAt = Wall(given.AddMinutes(55)),
        }, clinicianId);
        return (patientId, sessionId);
    }
}
