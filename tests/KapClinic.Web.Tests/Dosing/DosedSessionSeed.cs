using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Dosing;
using KapClinic.Core.Patients;
using KapClinic.Core.Settings;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Preparation;
using KapClinic.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Dosing;

/// <summary>
/// Dosing sessions made through the real services (DosingSessionService, MonitoringService), as a clinician would:
/// start, checklist, dose (gates overridden by the prescriber on site, so no readiness set-up is needed), readings,
/// adverse events, discharge and signature. Times are given in UTC and entered as the clinic's wall clock.
/// </summary>
internal sealed class DosedSessionSeed(KapClinicAppFactory app, Guid clinicianId, Guid prescriberId)
{
    public Guid ClinicianId => clinicianId;

    public Guid PrescriberId => prescriberId;

    public static async Task<DosedSessionSeed> CreateAsync(KapClinicAppFactory app, Guid? clinicianId = null)
    {
        var clinician = clinicianId ?? await TestUsers.CreateAsync(app, ClinicRoles.Clinician, name: "Nina Monitor");
        var prescriber = await TestUsers.CreateAsync(app, ClinicRoles.Clinician, prescriber: true, name: "Dr Pia Prescriber");
        return new DosedSessionSeed(app, clinician, prescriber);
    }

    public static async Task<(Guid PatientId, Guid CourseId)> PatientWithCourseAsync(KapClinicAppFactory app, string first, string last, Guid? protocolId = null)
    {
        var patientId = await PatientSeed.CreateAsync(app, first, last, PatientStatus.Active);
        return (patientId, await PreparationData.CourseAsync(app, patientId, protocolId ?? DefaultProtocols.EsketamineId));
    }

    public async Task<Guid> StartAsync(Guid patientId, Guid courseId, DateTimeOffset startedAt, Guid? appointmentId = null) =>
        await UseAsync<DosingSessionService, Guid>(async (s, zone) => await s.StartAsync(
            patientId, courseId, new StartDosingInput { PrescriberId = prescriberId, StartedAt = Local(startedAt, zone), AppointmentId = appointmentId }, clinicianId));

    public async Task ChecklistAsync(Guid patientId, Guid sessionId, DateTimeOffset at, int systolic = 128, int diastolic = 82, bool benzodiazepine = false, bool psychostimulant = false) =>
        await UseAsync<DosingSessionService, bool>(async (s, zone) =>
        {
            await s.SaveChecklistAsync(patientId, sessionId, new ChecklistInput
            {
                IdentityVerified = true,
                ConsentCurrent = true,
                Fasting = true,
                RideHomeName = "Sam Partner",
                RideHomePhone = "555 0100",
                NoContraindicatedMedicationToday = true,
                PregnancyTest = PregnancyTest.NotApplicable,
                Intention = "To rest.",
                MoodScore = 5,
                WeightKg = 70,
                Systolic = systolic,
                Diastolic = diastolic,
                HeartRate = 76,
                SpO2 = 98,
                RespiratoryRate = 14,
                PreDoseVitalsAt = Local(at, zone),
                TakesBenzodiazepine = benzodiazepine,
                TakesPsychostimulant = psychostimulant,
                Version = await VersionAsync(sessionId),
            });
            return true;
        });

    /// <summary>An esketamine dose of <paramref name="devices"/> devices, or (with a route) a ketamine dose of <paramref name="doseMg"/>.</summary>
    public async Task DoseAsync(Guid patientId, Guid sessionId, DateTimeOffset at, int devices = 2, string lot = "LOT-E1", AdministrationRoute route = AdministrationRoute.Intranasal, decimal? doseMg = null,
        string? overrideReason = null) =>
        await UseAsync<DosingSessionService, Guid>(async (s, zone) => await s.AdministerAsync(patientId, sessionId, new DoseInput
        {
            Route = route,
            DoseMg = doseMg ?? devices * DoseAdministration.EsketamineMgPerDevice,
            DeviceCount = route == AdministrationRoute.Intranasal ? devices : null,
            AdministeredAt = Local(at, zone),
            LotNumber = lot,
            GivenById = clinicianId,
            OverrideReasons = DoseOverrides.Every(overrideReason ?? "Test set-up: gates reviewed by the prescriber on site."),
            Version = await VersionAsync(sessionId),
        }, prescriberId));

    public async Task ReadingAsync(Guid patientId, Guid sessionId, DateTimeOffset at, int? systolic, int? diastolic, int? spO2 = 98, int? moaas = null, int? cadss6 = null) =>
        await UseAsync<MonitoringService, Guid>(async (s, zone) => await s.AddReadingAsync(patientId, sessionId, new ReadingInput
        {
            TakenAt = Local(at, zone), Systolic = systolic, Diastolic = diastolic, HeartRate = 80, SpO2 = spO2, RespiratoryRate = 14, Moaas = moaas, Cadss6 = cadss6,
        }, clinicianId));

    public async Task AdverseEventAsync(Guid patientId, Guid sessionId, DateTimeOffset at, AdverseEventType type, AdverseEventSeverity severity, string? actionTaken = null) =>
        await UseAsync<MonitoringService, Guid>(async (s, zone) => await s.AddAdverseEventAsync(patientId, sessionId, new AdverseEventInput
        {
            Type = type, Severity = severity, OnsetAt = Local(at, zone), ActionTaken = actionTaken ?? "Oxygen by mask; prescriber called.", ResolvedAt = Local(at.AddMinutes(10), zone),
        }, clinicianId));

    public async Task DischargeAsync(Guid patientId, Guid sessionId, DateTimeOffset at, DateTimeOffset? readyAt = null) =>
        await UseAsync<DosingSessionService, bool>(async (s, zone) =>
        {
            await s.DischargeAsync(patientId, sessionId, new DischargeInput
            {
                VitalsNearBaseline = true, AlertAndOriented = true, WalkingSteadily = true, NauseaControlled = true, ResponsibleAdultPresent = true,
                InstructionsGiven = true, DischargedAt = Local(at, zone), DischargedWith = "Sam Partner", ReadyToLeaveAt = readyAt is { } r ? Local(r, zone) : null,
                Version = await VersionAsync(sessionId),
            });
            return true;
        });

    public async Task SignAsync(Guid patientId, Guid sessionId) =>
        await UseAsync<DosingSessionService, bool>(async (s, _) =>
        {
            await s.SignAsync(patientId, sessionId, clinicianId, await VersionAsync(sessionId));
            return true;
        });

    /// <summary>A whole esketamine session from <paramref name="start"/>: 56 mg at +15 min, readings at +55 and +115, discharge at +140, signed.</summary>
    public async Task<Guid> EsketamineSessionAsync(Guid patientId, Guid courseId, DateTimeOffset start, bool sign = true)
    {
        var sessionId = await StartAsync(patientId, courseId, start);
        await ChecklistAsync(patientId, sessionId, start.AddMinutes(5));
        var first = start.AddMinutes(15);
        await DoseAsync(patientId, sessionId, first);
        await ReadingAsync(patientId, sessionId, first.AddMinutes(40), 138, 86, moaas: 4);
        await ReadingAsync(patientId, sessionId, first.AddMinutes(100), 126, 80, moaas: 5);
        await DischargeAsync(patientId, sessionId, first.AddMinutes(125), first.AddMinutes(90));
        if (sign)
        {
            await SignAsync(patientId, sessionId);
        }

        return sessionId;
    }

    private async Task<uint> VersionAsync(Guid sessionId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().DosingSessions.AsNoTracking()
            .Where(s => s.Id == sessionId).Select(s => s.Version).SingleAsync();
    }

    private async Task<TResult> UseAsync<TService, TResult>(Func<TService, TimeZoneInfo, Task<TResult>> use)
        where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        var zone = (await scope.ServiceProvider.GetRequiredService<ClinicSettingsService>().GetAsync()).TimeZone;
        return await use(scope.ServiceProvider.GetRequiredService<TService>(), zone);
    }

    private static DateTime Local(DateTimeOffset utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(utc, zone).DateTime;
}
