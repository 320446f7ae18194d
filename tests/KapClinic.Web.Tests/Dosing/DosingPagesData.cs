using System.Globalization;
using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Dosing;
using KapClinic.Core.Measures;
using KapClinic.Core.Screening;
using KapClinic.Core.Settings;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Preparation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Dosing;

/// <summary>
/// Courses that are ready to dose, and dosing sessions started and checked through the real services, for the
/// start, checklist and dose pages.
/// </summary>
internal static class DosingPagesData
{
    /// <summary>A planned course with a clear screening, its preparation sessions signed "Ready" and a current consent.</summary>
    public static async Task<(Guid PatientId, Guid CourseId)> ReadyCourseAsync(KapClinicAppFactory app, Guid? protocolId = null)
    {
        var protocol = protocolId ?? DefaultProtocols.IvKetamineId;
        var patientId = await TestPatients.CreateAsync(app);
        var courseId = await PreparationData.CourseAsync(app, patientId, protocol);
        await PreparationData.ScreeningAsync(app, patientId, 1, ScreeningResult.Clear);
        var planned = DefaultProtocols.All.Single(p => p.Id == protocol).Definition.PlannedPreparationSessions;
        for (var i = 0; i < planned; i++)
        {
            await PreparationData.SessionAsync(app, patientId, courseId, Guid.NewGuid(), occurredAt: DateTimeOffset.UtcNow.AddDays(-10 + i));
        }

        await PreparationData.ConsentAsync(app, patientId, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30));
        return (patientId, courseId);
    }

    /// <summary>
    /// A session started 10 minutes ago by <paramref name="monitoringId"/> with <paramref name="prescriberId"/> on
    /// site; with a low-risk C-SSRS screener taken before it and the checklist saved, when given.
    /// </summary>
    public static async Task<Guid> SessionAsync(
        KapClinicAppFactory app, Guid patientId, Guid courseId, Guid monitoringId, Guid prescriberId, ChecklistInput? checklist = null, bool cssrs = true)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var zone = (await services.GetRequiredService<ClinicSettingsService>().GetAsync()).TimeZone;
        var dosing = services.GetRequiredService<DosingSessionService>();
        var startedAt = ClinicNow(zone).AddMinutes(-10);
        var sessionId = await dosing.StartAsync(patientId, courseId, new StartDosingInput { PrescriberId = prescriberId, StartedAt = startedAt }, monitoringId);
        if (cssrs)
        {
            var db = services.GetRequiredService<KapClinicDbContext>();
            var takenAt = DateTimeOffset.UtcNow.AddMinutes(-20);
            db.MeasureResponses.Add(new MeasureResponse(patientId, Instrument.CssrsScreener, [0, 0, 0, 0, 0, 0], 0, null, null, [], [], takenAt, monitoringId, courseId, null, takenAt));
            await db.SaveChangesAsync();
        }

        if (checklist is not null)
        {
            checklist.Version = await VersionAsync(app, sessionId);
            await dosing.SaveChecklistAsync(patientId, sessionId, checklist);
        }

        return sessionId;
    }

    /// <summary>Every checklist item done, 70 kg, with the pre-dose blood pressure given.</summary>
    public static ChecklistInput CompleteChecklist(int systolic = 122, int diastolic = 78, decimal weightKg = 70m) => new()
    {
        IdentityVerified = true,
        ConsentCurrent = true,
        Fasting = true,
        RideHomeName = "Sam Okafor",
        RideHomePhone = "+1 555 0100 300",
        NoContraindicatedMedicationToday = true,
        PregnancyTest = PregnancyTest.NotApplicable,
        Intention = "To let go of the grief.",
        MoodScore = 4,
        WeightKg = weightKg,
        Systolic = systolic,
        Diastolic = diastolic,
        HeartRate = 72,
        SpO2 = 98,
        RespiratoryRate = 14,
    };

    /// <summary>The dose form's fields for an IV dose given at <paramref name="givenAt"/> (clinic time), to change per test.</summary>
    public static List<KeyValuePair<string, string>> DoseFields(uint version, Guid givenBy, DateTime givenAt, string doseMg = "35", params (string Key, string Value)[] extra)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Input.Route"] = nameof(AdministrationRoute.Intravenous),
            ["Input.DoseMg"] = doseMg,
            ["Input.AdministeredAt"] = givenAt.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            ["Input.LotNumber"] = "KET-24-0917",
            ["Input.GivenById"] = givenBy.ToString(),
            ["Input.Version"] = version.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in extra)
        {
            fields[key] = value;
        }

        return [.. fields];
    }

    public static async Task<uint> VersionAsync(KapClinicAppFactory app, Guid sessionId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().DosingSessions
            .Where(s => s.Id == sessionId).Select(s => s.Version).SingleAsync();
    }

    public static async Task<DosingSession> LoadAsync(KapClinicAppFactory app, Guid sessionId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().DosingSessions.AsNoTracking()
            .Include(s => s.Administrations).Include(s => s.Overrides).AsSplitQuery().SingleAsync(s => s.Id == sessionId);
    }

    /// <summary>The clinic's wall clock now, as the forms take it.</summary>
    public static async Task<DateTime> ClinicNowAsync(KapClinicAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return ClinicNow((await scope.ServiceProvider.GetRequiredService<ClinicSettingsService>().GetAsync()).TimeZone);
    }

    private static DateTime ClinicNow(TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime;
}
