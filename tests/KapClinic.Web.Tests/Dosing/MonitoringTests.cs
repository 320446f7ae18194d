using KapClinic.Core.Common;
using KapClinic.Core.Dosing;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static KapClinic.Web.Tests.Dosing.DosingServiceData;

namespace KapClinic.Web.Tests.Dosing;

/// <summary>The app with a SQL command counter, to prove a reading is one INSERT and never touches the session row.</summary>
public sealed class MonitoringFixture : AppFixture
{
    public SqlCommandCounter Counter { get; } = new();

    protected override KapClinicAppFactory Configure(KapClinicAppFactory app) =>
        app.WithServices(s => s.AddSingleton<IInterceptor>(Counter));
}

/// <summary>Readings and adverse events through MonitoringService, against the real database.</summary>
public sealed class MonitoringTests(MonitoringFixture fixture) : IClassFixture<MonitoringFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task Ten_readings_added_at_once_from_separate_requests_are_all_saved()
    {
        var (course, sessionId) = await DosedAsync();
        var at = await WallClockAsync(App);

        var ids = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            ServiceAsync<MonitoringService, Guid>(App, s => s.AddReadingAsync(course.PatientId, sessionId, Reading(at.AddSeconds(-i), 120 + i), course.ClinicianId))));

        var readings = (await LoadAsync(App, sessionId)).Readings;
        Assert.Equal(ids.Order(), readings.Select(r => r.Id).Order());
        Assert.Equal(Enumerable.Range(120, 10), readings.Select(r => r.Systolic!.Value).Order());
    }

    [Fact]
    public async Task A_reading_is_written_with_exactly_one_insert_and_no_update_of_the_session()
    {
        var (course, sessionId) = await DosedAsync();
        var input = Reading(await WallClockAsync(App));
        var version = await VersionAsync(App, sessionId);

        fixture.Counter.Reset();
        await ServiceAsync<MonitoringService, Guid>(App, s => s.AddReadingAsync(course.PatientId, sessionId, input, course.ClinicianId));
        var commands = fixture.Counter.Commands;

        Assert.Single(commands, c => c.Contains("INSERT", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(commands, c => c.Contains("UPDATE", StringComparison.OrdinalIgnoreCase));
        Assert.True(commands.Count <= 3, $"{commands.Count} SQL commands: {string.Join(" | ", commands)}");
        Assert.Contains("vitals_readings", commands.Single(c => c.Contains("INSERT", StringComparison.OrdinalIgnoreCase)), StringComparison.Ordinal);
        Assert.Equal(version, await VersionAsync(App, sessionId));
    }

    [Fact]
    public async Task A_reading_before_the_start_or_in_the_future_is_refused()
    {
        var (course, sessionId) = await DosedAsync();

        var early = await Assert.ThrowsAsync<RuleViolationException>(async () => await AddAsync(course, sessionId, await WallClockAsync(App, -31)));
        var future = await Assert.ThrowsAsync<RuleViolationException>(async () => await AddAsync(course, sessionId, await WallClockAsync(App, 3)));

        Assert.Equal(("TakenAt", "A reading cannot be before the session started."), (early.Field, early.Message));
        Assert.Equal(("TakenAt", "A reading cannot be in the future."), (future.Field, future.Message));
        Assert.Empty((await LoadAsync(App, sessionId)).Readings);
    }

    [Fact]
    public async Task A_reading_after_the_discharge_and_any_reading_once_signed_are_refused()
    {
        var (course, sessionId) = await DosedAsync(minutesAgo: 100);
        await AddAsync(course, sessionId, await WallClockAsync(App, -12));
        await ServiceAsync<DosingSessionService>(App, async s => await s.DischargeAsync(course.PatientId, sessionId, Discharge(await WallClockAsync(App, -10), await VersionAsync(App, sessionId))));

        var late = await Assert.ThrowsAsync<RuleViolationException>(async () => await AddAsync(course, sessionId, await WallClockAsync(App, -5)));
        Assert.Equal("A reading cannot be after the patient was discharged.", late.Message);
        await AddAsync(course, sessionId, await WallClockAsync(App, -15));

        await ServiceAsync<DosingSessionService>(App, async s => await s.SignAsync(course.PatientId, sessionId, course.ClinicianId, await VersionAsync(App, sessionId)));
        var signed = await Assert.ThrowsAsync<RuleViolationException>(async () => await AddAsync(course, sessionId, await WallClockAsync(App, -20)));
        Assert.Equal("This session is signed and can no longer change. Add an addendum instead.", signed.Message);
        Assert.Equal(2, (await LoadAsync(App, sessionId)).Readings.Count);
    }

    [Fact]
    public async Task Resolving_an_adverse_event_with_a_stale_version_is_a_conflict()
    {
        var (course, sessionId) = await DosedAsync();
        var onset = await WallClockAsync(App, -5);
        var eventId = await ServiceAsync<MonitoringService, Guid>(App, s => s.AddAdverseEventAsync(
            course.PatientId, sessionId, new AdverseEventInput { Type = AdverseEventType.NauseaVomiting, Severity = AdverseEventSeverity.Mild, OnsetAt = onset, ActionTaken = "Ondansetron 4 mg ODT." }, course.ClinicianId));
        var stale = Assert.Single((await LoadAsync(App, sessionId)).AdverseEvents).Version;
        await ExecuteSqlAsync(App, "UPDATE adverse_events SET action_taken = 'Ondansetron 4 mg ODT; ginger.' WHERE id = {0}", eventId);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(async () =>
            await ServiceAsync<MonitoringService>(App, s => s.ResolveAdverseEventAsync(course.PatientId, sessionId, eventId, onset.AddMinutes(3), stale)));

        Assert.Equal("Someone else changed this adverse event a moment ago. Reload the session to see it.", conflict.Message);
        var item = Assert.Single((await LoadAsync(App, sessionId)).AdverseEvents);
        Assert.Null(item.ResolvedAt);
        await ServiceAsync<MonitoringService>(App, s => s.ResolveAdverseEventAsync(course.PatientId, sessionId, eventId, onset.AddMinutes(3), item.Version));
        Assert.NotNull(Assert.Single((await LoadAsync(App, sessionId)).AdverseEvents).ResolvedAt);
    }

    private async Task<(DosingCourse Course, Guid SessionId)> DosedAsync(int minutesAgo = 30)
    {
        var course = await CourseAsync(App);
        var sessionId = await PreparedAsync(App, course, minutesAgo);
        await AdministerAsync(App, course, sessionId, await DoseAsync(App, course, sessionId, -(minutesAgo - 5)));
        return (course, sessionId);
    }

    private Task<Guid> AddAsync(DosingCourse course, Guid sessionId, DateTime at) =>
        ServiceAsync<MonitoringService, Guid>(App, s => s.AddReadingAsync(course.PatientId, sessionId, Reading(at), course.ClinicianId));
}
