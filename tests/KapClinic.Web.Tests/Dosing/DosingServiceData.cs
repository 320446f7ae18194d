using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Dosing;
using KapClinic.Core.Integration;
using KapClinic.Core.Measures;
using KapClinic.Core.Patients;
using KapClinic.Core.Screening;
using KapClinic.Core.Settings;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Preparation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Dosing;

/// <summary>A patient's course for dosing tests: the monitoring clinician (a nurse, not prescriber) and the prescriber on site.</summary>
internal sealed record DosingCourse(Guid PatientId, Guid CourseId, Guid ClinicianId, Guid PrescriberId);

/// <summary>
/// Courses ready to dose (built through the domain, as the preparation tests do) and sessions run through the real
/// services, on the app's own clock. Times handed to the services are the clinic's wall clock, as the forms post them.
/// </summary>
internal static class DosingServiceData
{
    public const string Nurse = "Nurse Test";
    public const string Prescriber = "Dr Test Prescriber";

    /// <summary>
    /// A course of the protocol (IM KAP by default) with a clear screening. When <paramref name="ready"/>: the protocol's
    /// planned preparation sessions, signed with a Ready decision, and a current KAP consent.
    /// </summary>
    public static async Task<DosingCourse> CourseAsync(KapClinicAppFactory app, Guid? protocolId = null, bool ready = true)
    {
        var protocol = protocolId ?? DefaultProtocols.ImKapId;
        var patientId = await TestPatients.CreateAsync(app);
        var courseId = await PreparationData.CourseAsync(app, patientId, protocol);
        var clinicianId = await TestUsers.CreateAsync(app, ClinicRoles.Clinician, name: Nurse);
        var prescriberId = await TestUsers.CreateAsync(app, ClinicRoles.Clinician, prescriber: true, name: Prescriber);
        await PreparationData.ScreeningAsync(app, patientId, 1, ScreeningResult.Clear);
        if (ready)
        {
            var planned = DefaultProtocols.All.Single(p => p.Id == protocol).Definition.PlannedPreparationSessions;
            for (var i = 0; i < planned; i++)
            {
                await PreparationData.SessionAsync(app, patientId, courseId, clinicianId, occurredAt: DateTimeOffset.UtcNow.AddDays(-10 + i));
            }

            await PreparationData.ConsentAsync(app, patientId, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30));
        }

        return new DosingCourse(patientId, courseId, clinicianId, prescriberId);
    }

    public static DateTimeOffset Now(KapClinicAppFactory app) => app.Services.GetRequiredService<TimeProvider>().GetUtcNow();

    /// <summary>The clinic's wall clock at <paramref name="minutesFromNow"/> on the app's clock, as a form posts it.</summary>
    public static async Task<DateTime> WallClockAsync(KapClinicAppFactory app, double minutesFromNow = 0)
    {
        var zone = await ServiceAsync<ClinicSettingsService, TimeZoneInfo>(app, async s => (await s.GetAsync()).TimeZone);
        return TimeZoneInfo.ConvertTime(Now(app).AddMinutes(minutesFromNow), zone).DateTime;
    }

    /// <summary>Starts a session <paramref name="minutesAgo"/> before now, by the course's nurse with its prescriber on site.</summary>
    public static async Task<Guid> StartAsync(KapClinicAppFactory app, DosingCourse course, int minutesAgo = 30)
    {
        var startedAt = await WallClockAsync(app, -minutesAgo);
        return await ServiceAsync<DosingSessionService, Guid>(app, s => s.StartAsync(
            course.PatientId, course.CourseId, new StartDosingInput { PrescriberId = course.PrescriberId, StartedAt = startedAt }, course.ClinicianId));
    }

    /// <summary>A C-SSRS screener of the given risk, taken <paramref name="minutesAgo"/> before now.</summary>
    public static async Task CssrsAsync(KapClinicAppFactory app, Guid patientId, RiskLevel risk = RiskLevel.Low, int minutesAgo = 45)
    {
        var now = Now(app);
        string[] alerts = risk switch
        {
            RiskLevel.High => [PatientAlerts.CssrsHighRisk],
            RiskLevel.Moderate => [PatientAlerts.CssrsModerateRisk],
            _ => [],
        };
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        db.MeasureResponses.Add(new MeasureResponse(
            patientId, Instrument.CssrsScreener, [0, 0, 0, 0, 0, 0], 0, risk.ToString(), risk.ToString(), alerts, [], now.AddMinutes(-minutesAgo), Guid.NewGuid(), null, null, now));
        await db.SaveChangesAsync();
    }

    /// <summary>A complete checklist (70 kg) with the given pre-dose vitals.</summary>
    public static ChecklistInput Checklist(uint version, int systolic = 128, int diastolic = 82, int heartRate = 72, int spO2 = 98) => new()
    {
        IdentityVerified = true,
        ConsentCurrent = true,
        Fasting = true,
        RideHomeName = "Sam Lee (partner)",
        RideHomePhone = "+1 555 0100 300",
        NoContraindicatedMedicationToday = true,
        PregnancyTest = PregnancyTest.NotApplicable,
        Intention = "Meet the grief with curiosity.",
        MoodScore = 4,
        WeightKg = 70m,
        Systolic = systolic,
        Diastolic = diastolic,
        HeartRate = heartRate,
        SpO2 = spO2,
        RespiratoryRate = 14,
        Version = version,
    };

    /// <summary>A started session with a pre-dose C-SSRS (low risk) and the complete checklist, with the given pre-dose BP.</summary>
    public static async Task<Guid> PreparedAsync(KapClinicAppFactory app, DosingCourse course, int minutesAgo = 30, int systolic = 128, int diastolic = 82)
    {
        await CssrsAsync(app, course.PatientId, minutesAgo: minutesAgo + 15);
        var sessionId = await StartAsync(app, course, minutesAgo);
        var checklist = Checklist(await VersionAsync(app, sessionId), systolic, diastolic);
        await ServiceAsync<DosingSessionService>(app, s => s.SaveChecklistAsync(course.PatientId, sessionId, checklist));
        return sessionId;
    }

    /// <summary>The dose form for the session's protocol: IM 50 mg, sublingual 200 mg, IV 35 mg (infusion running), esketamine 2 devices.</summary>
    public static async Task<DoseInput> DoseAsync(KapClinicAppFactory app, DosingCourse course, Guid sessionId, double minutesFromNow = -1)
    {
        var session = await LoadAsync(app, sessionId);
        var esketamine = session.Drug == DrugKind.Esketamine;
        return new DoseInput
        {
            Route = session.Route,
            DoseMg = esketamine ? 56m : session.Route switch { AdministrationRoute.Sublingual => 200m, AdministrationRoute.Intravenous => 35m, _ => 50m },
            DeviceCount = esketamine ? 2 : null,
            AdministeredAt = await WallClockAsync(app, minutesFromNow),
            LotNumber = "LOT-2291",
            GivenById = course.ClinicianId,
            Version = session.Version,
        };
    }

    public static async Task<Guid> AdministerAsync(KapClinicAppFactory app, DosingCourse course, Guid sessionId, DoseInput input, Guid? actingUserId = null) =>
        await ServiceAsync<DosingSessionService, Guid>(app, s => s.AdministerAsync(course.PatientId, sessionId, input, actingUserId ?? course.ClinicianId));

    public static DischargeInput Discharge(DateTime at, uint version) => new()
    {
        VitalsNearBaseline = true,
        AlertAndOriented = true,
        WalkingSteadily = true,
        NauseaControlled = true,
        ResponsibleAdultPresent = true,
        InstructionsGiven = true,
        DischargedAt = at,
        DischargedWith = "Sam Lee (partner)",
        PatientAccount = "Felt held; saw my father's garden.",
        Version = version,
    };

    public static ReadingInput Reading(DateTime at, int systolic = 132, int diastolic = 84) =>
        new() { TakenAt = at, Systolic = systolic, Diastolic = diastolic, HeartRate = 78, SpO2 = 97, RespiratoryRate = 14, Moaas = 4, Dissociation = Dissociation.Present, Nausea = Nausea.None };

    public static async Task<uint> VersionAsync(KapClinicAppFactory app, Guid sessionId) => (await LoadAsync(app, sessionId)).Version;

    public static async Task<DosingSession> LoadAsync(KapClinicAppFactory app, Guid sessionId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().DosingSessions.AsNoTracking()
            .Include(s => s.Administrations).Include(s => s.Overrides).Include(s => s.Readings).Include(s => s.AdverseEvents)
            .AsSplitQuery().SingleAsync(s => s.Id == sessionId);
    }

    /// <summary>Runs <paramref name="action"/> with a service from a scope of its own, as one request would.</summary>
    public static async Task ServiceAsync<TService>(KapClinicAppFactory app, Func<TService, Task> action)
        where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public static async Task<TResult> ServiceAsync<TService, TResult>(KapClinicAppFactory app, Func<TService, Task<TResult>> action)
        where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public static async Task<T> QueryAsync<T>(KapClinicAppFactory app, Func<KapClinicDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<KapClinicDbContext>());
    }

    public static async Task ExecuteSqlAsync(KapClinicAppFactory app, string sql, params object[] parameters)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().Database.ExecuteSqlRawAsync(sql, parameters);
    }
}
