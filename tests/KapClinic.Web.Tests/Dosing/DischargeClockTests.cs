using KapClinic.Core.Common;
using KapClinic.Core.Courses;
using KapClinic.Core.Dosing;
using KapClinic.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using static KapClinic.Web.Tests.Dosing.DosingServiceData;

namespace KapClinic.Web.Tests.Dosing;

/// <summary>The app on a clock the test moves (starting at the current minute), to walk through the monitoring minimum.</summary>
public sealed class DosingClockFixture : AppFixture
{
    public FakeTimeProvider Clock { get; } = new(StartOfMinute(DateTimeOffset.UtcNow));

    protected override KapClinicAppFactory Configure(KapClinicAppFactory app) =>
        app.WithServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));

    private static DateTimeOffset StartOfMinute(DateTimeOffset at) => new(at.Ticks - (at.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
}

/// <summary>DischargeAsync on the app's TimeProvider: the minimum monitoring time and the future limit.</summary>
public sealed class DischargeClockTests(DosingClockFixture fixture) : IClassFixture<DosingClockFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task Esketamine_discharge_is_refused_at_119_minutes_after_the_first_device_and_accepted_at_120()
    {
        var course = await CourseAsync(App, DefaultProtocols.EsketamineId);
        var sessionId = await PreparedAsync(App, course);
        await AdministerAsync(App, course, sessionId, await DoseAsync(App, course, sessionId, minutesFromNow: 0));

        fixture.Clock.Advance(TimeSpan.FromMinutes(119));
        var early = await Assert.ThrowsAsync<RuleViolationException>(DischargeNowAsync(course, sessionId));

        Assert.Equal("DischargedAt", early.Field);
        Assert.Equal("Discharge is allowed at the earliest 120 min from the first device (the protocol's minimum monitoring time); keep monitoring until then.", early.Message);
        Assert.False((await LoadAsync(App, sessionId)).IsDischarged);

        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await DischargeNowAsync(course, sessionId, readyMinutesAgo: 30)();

        var session = await LoadAsync(App, sessionId);
        Assert.Equal(Now(App), session.DischargedAt);
        Assert.Equal(120, session.MonitoringMinutes(Now(App)));
        Assert.Equal(Now(App).AddMinutes(-30), session.ReadyToLeaveAt);
    }

    [Fact]
    public async Task Iv_ketamine_discharge_waits_for_the_infusion_end_and_then_60_minutes()
    {
        var course = await CourseAsync(App, DefaultProtocols.IvKetamineId);
        var sessionId = await PreparedAsync(App, course);
        var administrationId = await AdministerAsync(App, course, sessionId, await DoseAsync(App, course, sessionId, minutesFromNow: 0));

        fixture.Clock.Advance(TimeSpan.FromMinutes(40));
        var running = await Assert.ThrowsAsync<RuleViolationException>(DischargeNowAsync(course, sessionId));
        Assert.Equal("The IV infusion is still running: record its end first.", running.Message);
        var endAt = await WallClockAsync(App);
        await ServiceAsync<DosingSessionService>(App, async s => await s.EndInfusionAsync(course.PatientId, sessionId, administrationId, endAt, 52.5m, await VersionAsync(App, sessionId)));

        fixture.Clock.Advance(TimeSpan.FromMinutes(59));
        var early = await Assert.ThrowsAsync<RuleViolationException>(DischargeNowAsync(course, sessionId));
        Assert.Equal("Discharge is allowed at the earliest 60 min after the dose ended (the protocol's minimum monitoring time); keep monitoring until then.", early.Message);

        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await DischargeNowAsync(course, sessionId)();
        var session = await LoadAsync(App, sessionId);
        Assert.True(session.IsDischarged);
        Assert.Equal(100, session.MonitoringMinutes(Now(App)));

        await ServiceAsync<DosingSessionService>(App, async s => await s.SignAsync(course.PatientId, sessionId, course.ClinicianId, await VersionAsync(App, sessionId)));
        var signed = await LoadAsync(App, sessionId);
        Assert.True(signed.VerifyHash());
        Assert.Equal(52.5m, signed.Administrations[0].InfusionRateMlPerHour);
    }

    [Fact]
    public async Task A_reading_more_than_two_minutes_ahead_of_the_apps_clock_is_refused()
    {
        var course = await CourseAsync(App, DefaultProtocols.SublingualKapId);
        var sessionId = await PreparedAsync(App, course);
        var ahead = await WallClockAsync(App, DosingSession.FutureToleranceMinutes);
        var tooFar = ahead.AddSeconds(1);

        await ServiceAsync<MonitoringService, Guid>(App, s => s.AddReadingAsync(course.PatientId, sessionId, Reading(ahead), course.ClinicianId));
        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() =>
            ServiceAsync<MonitoringService, Guid>(App, s => s.AddReadingAsync(course.PatientId, sessionId, Reading(tooFar), course.ClinicianId)));

        Assert.Equal("A reading cannot be in the future.", refusal.Message);
        Assert.Single((await LoadAsync(App, sessionId)).Readings);
    }

    /// <summary>A discharge now, after a normal reading now unless the session already has one since the dose.</summary>
    private Func<Task> DischargeNowAsync(DosingCourse course, Guid sessionId, int? readyMinutesAgo = null) => async () =>
    {
        var session = await LoadAsync(App, sessionId);
        if (!session.Readings.Any(r => r.Vitals.HasBloodPressure && r.TakenAt >= session.FirstDoseAt))
        {
            await ServiceAsync<MonitoringService, Guid>(App, async s => await s.AddReadingAsync(course.PatientId, sessionId, Reading(await WallClockAsync(App)), course.ClinicianId));
        }

        var input = Discharge(await WallClockAsync(App), await VersionAsync(App, sessionId));
        input.ReadyToLeaveAt = readyMinutesAgo is { } ago ? await WallClockAsync(App, -ago) : null;
        await ServiceAsync<DosingSessionService>(App, s => s.DischargeAsync(course.PatientId, sessionId, input));
    };
}
