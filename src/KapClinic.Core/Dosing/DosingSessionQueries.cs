using KapClinic.Core.Auditing;
using KapClinic.Core.Common;
using KapClinic.Core.Data;
using KapClinic.Core.Data.Json;
using KapClinic.Core.Integration;
using KapClinic.Core.Courses;
using KapClinic.Core.Notes;
using KapClinic.Core.Patients;
using KapClinic.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KapClinic.Core.Dosing;

/// <summary>Reads dosing sessions. Every read of a session's content writes a "Note.Viewed" audit event.</summary>
public sealed class DosingSessionQueries(
    KapClinicDbContext db, ClinicSettingsService settings, ReadinessService readiness, AuditLog auditLog, TimeProvider clock)
{
    /// <summary>
    /// One session with everything its page shows, audited as viewed by <paramref name="viewerId"/> (pass
    /// <paramref name="recordView"/> false for a fragment re-rendered right after the viewer's own change).
    /// </summary>
    public async Task<DosingSessionDetails> GetAsync(
        Guid patientId, Guid sessionId, Guid viewerId, bool recordView = true, CancellationToken cancellationToken = default)
    {
        var session = await db.DosingSessions.AsNoTracking()
            .Include(s => s.Administrations.OrderBy(a => a.Sequence))
            .Include(s => s.Readings.OrderBy(r => r.TakenAt))
            .Include(s => s.AdverseEvents.OrderBy(e => e.OnsetAt))
            .Include(s => s.Overrides.OrderBy(o => o.OverriddenAt))
            .Include(s => s.Addenda.OrderBy(a => a.SignedAt))
            .Include(s => s.CoSignature)
            .AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == sessionId && s.PatientId == patientId, cancellationToken)
            ?? throw new NotFoundException("That dosing session does not exist.");
        var clinic = await settings.GetAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var gates = session.IsSigned || session.IsDosed
            ? []
            : DosingGates.Evaluate(session, await readiness.GetReadinessAsync(session.CourseId, cancellationToken), clinic.Dosing, null, 0);
        var from = session.StartedAt.AddHours(-DosingSessionService.CssrsLookbackHours);
        var to = session.DischargedAt?.AddHours(6) ?? now.AddMinutes(5);
        // The banner, protocol, staff, names, C-SSRS and measures in one statement (they were six round trips).
        var rows = await JsonReadModel.ReadAsync<DosingPageRows>(db, DosingPageSql.Query,
            [new NpgsqlParameter("patient", patientId), new NpgsqlParameter("session", sessionId), new NpgsqlParameter("from", from.ToUniversalTime()), new NpgsqlParameter("to", to.ToUniversalTime())],
            cancellationToken);
        var row = rows?.Patient ?? throw new NotFoundException("That patient does not exist.");
        var patient = new PatientBanner(patientId, Patient.FormatName(row.LegalFirstName, row.LegalLastName, row.PreferredName), row.Mrn, row.Status, row.IsArchived);
        var staff = rows.Staff;
        var names = rows.Mentioned.ToDictionary(u => u.Id, u => u.Name);
        foreach (var member in staff)
        {
            names[member.Id] = member.Name;
        }

        var cssrs = rows.Cssrs;
        var measures = rows.Measures;
        if (recordView)
        {
            await auditLog.RecordAsync(
                AuditActions.NoteViewed, AuditOutcome.Success, viewerId, nameof(NoteKind.DosingSession), sessionId, patientId, cancellationToken: cancellationToken);
        }

        return new DosingSessionDetails(
            patient,
            rows.ProtocolName,
            session,
            names,
            clinic.Dosing,
            gates,
            MonitoringSchedule.NextFromReadings(session, session.Readings, clinic.Dosing, now),
            session.Readings.ToDictionary(r => r.Id, r => ReadingAlerts.For(r.Vitals, clinic.Dosing)),
            session.EarliestDischargeAt(clinic.Dosing),
            cssrs is null ? null : new CssrsSnapshot(cssrs.Id, cssrs.TakenAt, IntegrationNoteQueries.LevelOf(cssrs.Alerts)),
            measures,
            [.. staff.Where(s => s.IsPrescriber).Select(s => new StaffOption(s.Id, s.Name))],
            [.. staff.Select(s => new StaffOption(s.Id, s.Name))],
            now);
    }

    /// <summary>The prescribers to choose from when starting a session.</summary>
    public async Task<IReadOnlyList<StaffOption>> PrescribersAsync(CancellationToken cancellationToken = default) =>
        await db.Users.AsNoTracking().Where(u => u.IsPrescriber && !u.IsDisabled).OrderBy(u => u.DisplayName)
            .Select(u => new StaffOption(u.Id, u.Credentials == null ? u.DisplayName : u.DisplayName + ", " + u.Credentials))
            .ToListAsync(cancellationToken);

    /// <summary>The course (which must be the patient's) with its protocol, for the start form.</summary>
    public async Task<IntegrationCourseInfo> CourseAsync(Guid patientId, Guid courseId, CancellationToken cancellationToken = default) =>
        await db.TreatmentCourses.AsNoTracking()
            .Where(c => c.Id == courseId && c.PatientId == patientId)
            .Join(db.Protocols, c => c.ProtocolId, p => p.Id, (c, p) => new IntegrationCourseInfo(c.Id, p.Name, c.Status, c.StartDate, p.PlannedDosingSessions))
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("That treatment course does not exist.");
}
