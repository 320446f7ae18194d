using System.Globalization;
using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Dosing;
using KapClinic.Core.Measures;
using KapClinic.Core.Screening;
using KapClinic.Core.Settings;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Preparation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Dosing;

/// <summary>
/// Dosing sessions built through the real Core services: a course ready to dose (signed Ready preparation, clear
/// screening, current consent), a clear pre-dose C-SSRS, a complete checklist with normal vitals, then the dose.
/// Times are minutes relative to the fixture's standing clock.
/// </summary>
internal static class DosingData
{
    /// <summary>
    /// An IV ketamine session (70 kg, 35 mg) started <paramref name="startedMinutesAgo"/> ago and dosed 5 minutes
    /// later (unless <paramref name="dose"/> is false); the infusion ends <paramref name="infusionMinutes"/> after it
    /// starts (null: still running). With the esketamine protocol: 56 mg intranasal, two devices.
    /// </summary>
    public static async Task<DosedSession> SessionAsync(
        DosingFixture fixture, int startedMinutesAgo = 120, bool dose = true, int? infusionMinutes = 40, Guid? protocolId = null)
    {
        var app = fixture.Factory;
        var (client, clinicianId) = await TestUsers.SignedInAsync(app, ClinicRoles.Clinician);
        var prescriberId = await TestUsers.CreateAsync(app, ClinicRoles.Clinician, prescriber: true, name: "Dr Presc Ribe");
        var patientId = await TestPatients.CreateAsync(app);
        var courseId = await PreparationData.CourseAsync(app, patientId, protocolId ?? DefaultProtocols.IvKetamineId, clinicianId);
        await PreparationData.ScreeningAsync(app, patientId, 1, ScreeningResult.Clear);
        for (var i = 0; i < 2; i++)
        {
            await PreparationData.SessionAsync(app, patientId, courseId, clinicianId, occurredAt: fixture.Now.AddDays(-10 + i));
        }

        await PreparationData.ConsentAsync(app, patientId, DateOnly.FromDateTime(fixture.Now.UtcDateTime).AddDays(-30));
        var start = fixture.Now.AddMinutes(-startedMinutesAgo);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<MeasureService>().RecordAsync(
            patientId, new MeasureAnswersInput { Instrument = Instrument.CssrsScreener, Answers = [0, 0, 0, 0, 0, 0, 0] }, start.AddMinutes(-20), courseId, clinicianId);
        var dosing = services.GetRequiredService<DosingSessionService>();
        var sessionId = await dosing.StartAsync(patientId, courseId, new StartDosingInput { PrescriberId = prescriberId, StartedAt = await WallAsync(app, start) }, clinicianId);
        await dosing.SaveChecklistAsync(patientId, sessionId, new ChecklistInput
        {
            IdentityVerified = true, ConsentCurrent = true, Fasting = true, RideHomeName = "Sam Rivera", RideHomePhone = "+1 555 0100 300",
            NoContraindicatedMedicationToday = true, PregnancyTest = PregnancyTest.Negative, Intention = "To meet the grief gently.", MoodScore = 4,
            WeightKg = 70m, Systolic = 124, Diastolic = 80, HeartRate = 72, SpO2 = 98, RespiratoryRate = 14, PreDoseVitalsAt = await WallAsync(app, start.AddMinutes(2)),
            Version = await VersionAsync(app, sessionId),
        });
        if (dose)
        {
            var given = start.AddMinutes(5);
            var input = protocolId == DefaultProtocols.EsketamineId
                ? new DoseInput { Route = AdministrationRoute.Intranasal, DoseMg = 56m, DeviceCount = 2 }
                : new DoseInput
                {
                    Route = AdministrationRoute.Intravenous, DoseMg = 35m, ConcentrationMgPerMl = 10m, VolumeMl = 3.5m, InfusionRateMlPerHour = 5.25m,
                    InfusionEndAt = infusionMinutes is { } minutes ? await WallAsync(app, given.AddMinutes(minutes)) : null,
                };
            input.AdministeredAt = await WallAsync(app, given);
            input.LotNumber = "KET-24-118";
            input.GivenById = clinicianId;
            input.Version = await VersionAsync(app, sessionId);
            await dosing.AdministerAsync(patientId, sessionId, input, clinicianId);
        }

        return new DosedSession(patientId, courseId, sessionId, clinicianId, prescriberId, client);
    }

    /// <summary>A reading through the service, at <paramref name="minutesAgo"/> before the fixture's now.</summary>
    public static async Task ReadingAsync(
        DosingFixture fixture, DosedSession session, int minutesAgo, int systolic = 122, int diastolic = 78, int heartRate = 76, int spO2 = 97, string? comment = null)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MonitoringService>().AddReadingAsync(session.PatientId, session.SessionId, new ReadingInput
        {
            TakenAt = await WallAsync(fixture.Factory, fixture.Now.AddMinutes(-minutesAgo)),
            Systolic = systolic, Diastolic = diastolic, HeartRate = heartRate, SpO2 = spO2, RespiratoryRate = 14, Moaas = 4,
            Dissociation = Dissociation.Present, Nausea = Nausea.None, Comment = comment,
        }, session.ClinicianId);
    }

    /// <summary>
    /// Discharges through the service at <paramref name="minutesAgo"/> before now (after a normal reading a minute
    /// earlier: a discharge needs a blood pressure since the dose), and optionally signs as the author.
    /// </summary>
    public static async Task DischargeAsync(DosingFixture fixture, DosedSession session, int minutesAgo = 0, bool sign = false)
    {
        await ReadingAsync(fixture, session, minutesAgo + 1);
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var dosing = scope.ServiceProvider.GetRequiredService<DosingSessionService>();
        await dosing.DischargeAsync(session.PatientId, session.SessionId, new DischargeInput
        {
            VitalsNearBaseline = true, AlertAndOriented = true, WalkingSteadily = true, NauseaControlled = true, ResponsibleAdultPresent = true,
            InstructionsGiven = true, DischargedAt = await WallAsync(fixture.Factory, fixture.Now.AddMinutes(-minutesAgo)), DischargedWith = "Sam Rivera",
            PatientAccount = "Like floating above a quiet lake.", Version = await VersionAsync(fixture.Factory, session.SessionId),
        });
        if (sign)
        {
            await dosing.SignAsync(session.PatientId, session.SessionId, session.ClinicianId, await VersionAsync(fixture.Factory, session.SessionId));
        }
    }

    public static async Task<DosingSession> LoadAsync(KapClinicAppFactory app, Guid sessionId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().DosingSessions.AsNoTracking()
            .Include(s => s.Readings).Include(s => s.Administrations).Include(s => s.AdverseEvents).Include(s => s.Addenda)
            .AsSplitQuery().SingleAsync(s => s.Id == sessionId);
    }

    public static async Task<uint> VersionAsync(KapClinicAppFactory app, Guid sessionId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().DosingSessions.AsNoTracking()
            .Where(s => s.Id == sessionId).Select(s => s.Version).SingleAsync();
    }

    /// <summary>The clinic's wall clock at <paramref name="utc"/>, as forms post it.</summary>
    public static async Task<DateTime> WallAsync(KapClinicAppFactory app, DateTimeOffset utc)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var zone = (await scope.ServiceProvider.GetRequiredService<ClinicSettingsService>().GetAsync()).TimeZone;
        return TimeZoneInfo.ConvertTime(utc, zone).DateTime;
    }

    /// <summary>The wall clock as a datetime-local field posts it.</summary>
    public static async Task<string> FieldAsync(KapClinicAppFactory app, DateTimeOffset utc) =>
        (await WallAsync(app, utc)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    /// <summary>The add-reading form's fields, to change per test.</summary>
    public static Dictionary<string, string> ReadingFields(string takenAt, params (string Key, string Value)[] extra)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Reading.TakenAt"] = takenAt, ["Reading.Systolic"] = "131", ["Reading.Diastolic"] = "84", ["Reading.HeartRate"] = "88",
            ["Reading.SpO2"] = "96", ["Reading.RespiratoryRate"] = "15", ["Reading.Moaas"] = "3", ["Reading.Dissociation"] = "Present",
            ["Reading.Nausea"] = "Mild", ["Reading.Comment"] = "Eyes closed, calm.",
        };
        foreach (var (key, value) in extra)
        {
            fields[key] = value;
        }

        return fields;
    }
}
