using KapClinic.Core.Auditing;
using KapClinic.Core.Common;
using KapClinic.Core.Courses;
using KapClinic.Core.Dosing;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using static KapClinic.Web.Tests.Dosing.DosingServiceData;

namespace KapClinic.Web.Tests.Dosing;

/// <summary>AdministerAsync against the real database: the readiness gate, prescriber overrides and their audit, the course's start.</summary>
public sealed class DoseAdministrationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string OverrideReason = "Patient's usual BP; rechecked after 10 min rest, asymptomatic.";

    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task A_dose_on_a_course_that_is_not_ready_is_refused_with_the_readiness_reasons()
    {
        var course = await CourseAsync(App, ready: false);
        var sessionId = await PreparedAsync(App, course);

        var refusal = await Assert.ThrowsAsync<DosingGateException>(async () => await AdministerAsync(App, course, sessionId, await DoseAsync(App, course, sessionId)));

        var hold = Assert.Single(refusal.Holds);
        Assert.Equal(DosingGate.NotReadyToDose, hold.Gate);
        Assert.Contains("0 of 2 planned preparation sessions are signed.", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("There is no current KAP treatment consent.", refusal.Message, StringComparison.Ordinal);
        Assert.Empty((await LoadAsync(App, sessionId)).Administrations);
        Assert.Equal(CourseStatus.Planned, await CourseStatusAsync(course));
    }

    [Fact]
    public async Task A_ready_course_becomes_active_with_its_first_dose()
    {
        var course = await CourseAsync(App);
        var sessionId = await PreparedAsync(App, course);
        Assert.Equal(CourseStatus.Planned, await CourseStatusAsync(course));

        var administrationId = await AdministerAsync(App, course, sessionId, await DoseAsync(App, course, sessionId));

        var session = await LoadAsync(App, sessionId);
        var given = Assert.Single(session.Administrations);
        Assert.Equal((administrationId, 50m, 70m, 0.71m, course.PrescriberId), (given.Id, given.DoseMg, given.WeightKg!.Value, given.MgPerKg!.Value, given.PrescriberId));
        Assert.Empty(session.Overrides);
        Assert.Equal(CourseStatus.Active, await CourseStatusAsync(course));
    }

    [Fact]
    public async Task A_hold_refuses_the_dose_even_for_a_prescriber_when_no_reason_is_given()
    {
        var course = await CourseAsync(App);
        var sessionId = await PreparedAsync(App, course, systolic: 165, diastolic: 95);

        var refusal = await Assert.ThrowsAsync<DosingGateException>(async () =>
            await AdministerAsync(App, course, sessionId, await DoseAsync(App, course, sessionId), course.PrescriberId));

        Assert.Equal(DosingGate.BloodPressureHold, Assert.Single(refusal.Holds).Gate);
        Assert.Empty((await LoadAsync(App, sessionId)).Administrations);
    }

    [Fact]
    public async Task A_prescriber_overrides_a_hold_with_a_reason_and_the_override_is_stored_and_audited()
    {
        var course = await CourseAsync(App);
        var sessionId = await PreparedAsync(App, course, systolic: 165, diastolic: 95);
        var input = await DoseAsync(App, course, sessionId);
        input.OverrideReasons[DosingGate.BloodPressureHold] = OverrideReason;

        var administrationId = await AdministerAsync(App, course, sessionId, input, course.PrescriberId);

        var stored = Assert.Single((await LoadAsync(App, sessionId)).Overrides);
        Assert.Equal((DosingGate.BloodPressureHold, OverrideReason, course.PrescriberId, Prescriber, administrationId), (stored.Gate, stored.Reason, stored.PrescriberId, stored.PrescriberName, stored.AdministrationId));
        Assert.Contains("165/95", stored.Finding, StringComparison.Ordinal);
        var audit = Assert.Single(await AuditAsync(sessionId, AuditActions.DosingGateOverridden));
        Assert.Equal((AuditOutcome.Success, course.PrescriberId, course.PatientId), (audit.Outcome, audit.UserId!.Value, audit.PatientId!.Value));
        Assert.Contains(nameof(DosingGate.BloodPressureHold), audit.Detail, StringComparison.Ordinal);
        Assert.Equal(1, await QueryAsync(App, db => db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM dosing_gate_overrides WHERE note_id = {sessionId}").SingleAsync()));
    }

    [Fact]
    public async Task A_nurse_records_an_override_with_the_prescribers_password_and_it_names_the_prescriber()
    {
        var course = await CourseAsync(App);
        var sessionId = await PreparedAsync(App, course, systolic: 165, diastolic: 95);
        var input = await DoseAsync(App, course, sessionId);
        input.OverrideReasons[DosingGate.BloodPressureHold] = OverrideReason;
        input.PrescriberPassword = TestUsers.Password;

        await AdministerAsync(App, course, sessionId, input, course.ClinicianId);

        var session = await LoadAsync(App, sessionId);
        Assert.Equal((course.PrescriberId, Prescriber), (Assert.Single(session.Overrides).PrescriberId, session.Overrides[0].PrescriberName));
        Assert.Equal(course.PrescriberId, session.Administrations[0].PrescriberId);
        Assert.Equal(course.ClinicianId, Assert.Single(await AuditAsync(sessionId, AuditActions.DosingGateOverridden)).UserId);
    }

    [Theory]
    [InlineData("not-the-password-1")]
    [InlineData("")]
    public async Task A_nurses_override_with_a_wrong_password_is_refused_and_audited(string password)
    {
        var course = await CourseAsync(App);
        var sessionId = await PreparedAsync(App, course, systolic: 165, diastolic: 95);
        var input = await DoseAsync(App, course, sessionId);
        input.OverrideReasons[DosingGate.BloodPressureHold] = OverrideReason;
        input.PrescriberPassword = password;

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => AdministerAsync(App, course, sessionId, input, course.ClinicianId));

        Assert.Equal(("PrescriberPassword", $"That is not {Prescriber}'s password."), (refusal.Field, refusal.Message));
        var session = await LoadAsync(App, sessionId);
        Assert.Empty(session.Administrations);
        Assert.Empty(session.Overrides);
        Assert.Empty(await AuditAsync(sessionId, AuditActions.DosingGateOverridden));
        var audit = Assert.Single(await AuditAsync(sessionId, AuditActions.DosingOverrideRefused));
        Assert.Equal((AuditOutcome.Failure, course.ClinicianId), (audit.Outcome, audit.UserId!.Value));
    }

    [Fact]
    public async Task A_second_session_cannot_start_while_one_of_the_course_is_in_progress()
    {
        var course = await CourseAsync(App);
        await StartAsync(App, course);

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => StartAsync(App, course, minutesAgo: 5));

        Assert.Equal("A dosing session of this course is already in progress: continue it from the course page.", refusal.Message);
        Assert.Equal(1, await QueryAsync(App, db => db.DosingSessions.CountAsync(s => s.CourseId == course.CourseId)));
    }

    private Task<CourseStatus> CourseStatusAsync(DosingCourse course) =>
        QueryAsync(App, db => db.TreatmentCourses.Where(c => c.Id == course.CourseId).Select(c => c.Status).SingleAsync());

    private Task<List<AuditEvent>> AuditAsync(Guid sessionId, string action) =>
        QueryAsync(App, db => db.AuditEvents.AsNoTracking().Where(e => e.EntityId == sessionId && e.Action == action).ToListAsync());
}
