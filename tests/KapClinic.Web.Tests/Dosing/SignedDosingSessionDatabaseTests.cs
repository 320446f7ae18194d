using KapClinic.Core.Dosing;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static KapClinic.Web.Tests.Dosing.DosingServiceData;

namespace KapClinic.Web.Tests.Dosing;

/// <summary>The database's half of "a signed dosing session never changes": its row, its child rows, its REMS submission.</summary>
public sealed class SignedDosingSessionDatabaseTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Theory]
    [InlineData("UPDATE dosing_sessions SET patient_account = 'Rewritten' WHERE id = {0}")]
    [InlineData("UPDATE dosing_sessions SET weight_kg = 90 WHERE id = {0}")]
    [InlineData("DELETE FROM dosing_sessions WHERE id = {0}")]
    [InlineData("UPDATE vitals_readings SET systolic = 118 WHERE note_id = {0}")]
    [InlineData("DELETE FROM vitals_readings WHERE note_id = {0}")]
    [InlineData("UPDATE dose_administrations SET dose_mg = 40 WHERE note_id = {0}")]
    [InlineData("DELETE FROM dose_administrations WHERE note_id = {0}")]
    [InlineData("UPDATE adverse_events SET action_taken = 'None needed' WHERE note_id = {0}")]
    [InlineData("DELETE FROM adverse_events WHERE note_id = {0}")]
    [InlineData("UPDATE dosing_gate_overrides SET reason = 'Rewritten' WHERE note_id = {0}")]
    [InlineData("DELETE FROM dosing_gate_overrides WHERE note_id = {0}")]
    [InlineData("INSERT INTO vitals_readings (id, note_id, patient_id, taken_at, systolic, diastolic, recorded_by, recorded_at) SELECT gen_random_uuid(), id, patient_id, now(), 120, 80, author_id, now() FROM clinical_notes WHERE id = {0}")]
    public async Task A_raw_change_to_a_signed_session_or_its_rows_is_refused_by_the_database(string sql)
    {
        var (_, sessionId) = await SignedAsync();

        var refusal = await Assert.ThrowsAsync<PostgresException>(() => ExecuteSqlAsync(App, sql, sessionId));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refusal.SqlState);
        Assert.Contains("is signed", refusal.MessageText, StringComparison.Ordinal);
        var session = await LoadAsync(App, sessionId);
        Assert.Equal((1, 1, 1, 1), (session.Administrations.Count, session.Readings.Count, session.AdverseEvents.Count, session.Overrides.Count));
        Assert.True(session.VerifyHash());
    }

    [Theory]
    [InlineData("dosing_sessions")]
    [InlineData("dose_administrations")]
    [InlineData("vitals_readings")]
    [InlineData("adverse_events")]
    [InlineData("dosing_gate_overrides")]
    [InlineData("rems_submissions")]
    public async Task Truncating_a_dosing_table_is_refused_by_the_database(string table)
    {
        var (_, sessionId) = await SignedAsync();

        var refusal = await Assert.ThrowsAsync<PostgresException>(() => ExecuteSqlAsync(App, $"TRUNCATE {table} CASCADE"));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refusal.SqlState);
        Assert.True((await LoadAsync(App, sessionId)).VerifyHash());
    }

    [Theory]
    [InlineData("UPDATE rems_submissions SET confirmation_number = 'REMS-0000' WHERE session_id = {0}")]
    [InlineData("DELETE FROM rems_submissions WHERE session_id = {0}")]
    public async Task A_rems_submission_is_written_once_and_never_changed(string sql)
    {
        var (course, sessionId) = await SignedAsync();
        await QueryAsync(App, async db =>
        {
            db.RemsSubmissions.Add(new RemsSubmission(sessionId, course.PatientId, DateOnly.FromDateTime(DateTime.UtcNow), "REMS-4471", course.ClinicianId, Now(App)));
            return await db.SaveChangesAsync();
        });

        var refusal = await Assert.ThrowsAsync<PostgresException>(() => ExecuteSqlAsync(App, sql, sessionId));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refusal.SqlState);
        Assert.Contains("append-only", refusal.MessageText, StringComparison.Ordinal);
        Assert.Equal("REMS-4471", await QueryAsync(App, db => db.RemsSubmissions.Where(r => r.SessionId == sessionId).Select(r => r.ConfirmationNumber).SingleAsync()));
    }

    [Fact]
    public async Task A_draft_sessions_rows_can_still_be_changed()
    {
        var (_, sessionId) = await DraftAsync();

        await ExecuteSqlAsync(App, "UPDATE vitals_readings SET comment = 'Corrected before signing' WHERE note_id = {0}", sessionId);
        await ExecuteSqlAsync(App, "UPDATE dosing_sessions SET patient_account = 'Still a draft' WHERE id = {0}", sessionId);

        var session = await LoadAsync(App, sessionId);
        Assert.Equal(("Corrected before signing", "Still a draft"), (Assert.Single(session.Readings).Comment, session.PatientAccount));
    }

    /// <summary>A session with a held dose overridden by the prescriber, a reading, an adverse event, discharged; a draft.</summary>
    private async Task<(DosingCourse Course, Guid SessionId)> DraftAsync()
    {
        var course = await CourseAsync(App);
        var sessionId = await PreparedAsync(App, course, minutesAgo: 120, systolic: 165, diastolic: 95);
        var dose = await DoseAsync(App, course, sessionId, -110);
        dose.OverrideReasons[DosingGate.BloodPressureHold] = "Usual BP for this patient; rechecked after rest.";
        await AdministerAsync(App, course, sessionId, dose, course.PrescriberId);
        await ServiceAsync<MonitoringService, Guid>(App, async s => await s.AddReadingAsync(course.PatientId, sessionId, Reading(await WallClockAsync(App, -95)), course.ClinicianId));
        var onset = await WallClockAsync(App, -90);
        await ServiceAsync<MonitoringService, Guid>(App, s => s.AddAdverseEventAsync(
            course.PatientId, sessionId, new AdverseEventInput { Type = AdverseEventType.NauseaVomiting, Severity = AdverseEventSeverity.Mild, OnsetAt = onset, ActionTaken = "Ondansetron 4 mg ODT.", ResolvedAt = onset.AddMinutes(20) }, course.ClinicianId));
        await ServiceAsync<DosingSessionService>(App, async s => await s.DischargeAsync(course.PatientId, sessionId, Discharge(await WallClockAsync(App, -10), await VersionAsync(App, sessionId))));
        return (course, sessionId);
    }

    private async Task<(DosingCourse Course, Guid SessionId)> SignedAsync()
    {
        var (course, sessionId) = await DraftAsync();
        await ServiceAsync<DosingSessionService>(App, async s => await s.SignAsync(course.PatientId, sessionId, course.ClinicianId, await VersionAsync(App, sessionId)));
        Assert.True((await LoadAsync(App, sessionId)).VerifyHash());
        return (course, sessionId);
    }
}
