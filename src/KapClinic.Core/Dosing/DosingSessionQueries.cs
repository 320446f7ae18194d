using KapClinic.Core.Auditing;
using KapClinic.Core.Common;
using KapClinic.Core.Data;
using KapClinic.Core.Integration;
using KapClinic.Core.Courses;
using KapClinic.Core.Notes;
using KapClinic.Core.Patients;
using KapClinic.Core.Settings;
using KapClinic.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Dosing;

/// <summary>Reads dosing sessions. Every read of a session's content writes a "Note.Viewed" audit event.</summary>
public sealed class DosingSessionQueries(
    KapClinicDbContext db, PatientBannerService banners, ClinicSettingsService settings, ReadinessService readiness, AuditLog auditLog, TimeProvider clock)
{
    /// <summary>
    /// One session with everything its page shows, audited as viewed by <paramref name="viewerId"/> (pass
    /// <paramref name="recordView"/> false for a fragment re-rendered right after the viewer's own change).
    /// </summary>
    public async Task<DosingSessionDetails> GetAsync(
        Guid patientId, Guid sessionId, Guid viewerId, bool recordView = true, CancellationToken cancellationToken = default)
    {
        var patient = await banners.GetAsync(patientId, cancellationToken);
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
        var protocolName = await db.Protocols.AsNoTracking().Where(p => p.Id == session.ProtocolId).Select(p => p.Name).SingleAsync(cancellationToken);
        var staff = await db.Users.AsNoTracking().Where(u => !u.IsDisabled && db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == ClinicRoles.Clinician)))
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, Name = u.Credentials == null ? u.DisplayName : u.DisplayName + ", " + u.Credentials, u.IsPrescriber })
            .ToListAsync(cancellationToken);
        var mentioned = session.Administrations.SelectMany(a => new[] { a.GivenById, a.PrescriberId })
            .Concat(session.Readings.Select(r => r.RecordedBy)).Concat(session.AdverseEvents.Select(e => e.RecordedBy))
            .Append(session.AuthorId).Append(session.PrescriberId).Distinct().Where(id => staff.All(s => s.Id != id)).ToList();
        var names = staff.ToDictionary(s => s.Id, s => s.Name);
        foreach (var user in await db.Users.AsNoTracking().Where(u => mentioned.Contains(u.Id))
                     .Select(u => new { u.Id, Name = u.Credentials == null ? u.DisplayName : u.DisplayName + ", " + u.Credentials }).ToListAsync(cancellationToken))
        {
            names[user.Id] = user.Name;
        }

        var gates = session.IsSigned || session.IsDosed
            ? []
            : DosingGates.Evaluate(session, await readiness.GetReadinessAsync(session.CourseId, cancellationToken), clinic.Dosing, null, 0);
        var cssrs = session.PreDoseCssrsMeasureId is { } cssrsId
            ? await db.MeasureResponses.AsNoTracking().Where(m => m.Id == cssrsId)
                .Select(m => new { m.Id, m.TakenAt, m.Alerts }).SingleOrDefaultAsync(cancellationToken)
            : null;
        var from = session.StartedAt.AddHours(-DosingSessionService.CssrsLookbackHours);
        var to = session.DischargedAt?.AddHours(6) ?? now.AddMinutes(5);
        var measures = await db.MeasureResponses.AsNoTracking()
            .Where(m => m.PatientId == patientId && m.TakenAt >= from && m.TakenAt <= to)
            .OrderBy(m => m.TakenAt)
            .Select(m => new SessionMeasure(m.Id, m.Instrument, m.Total, m.Band, m.TakenAt))
            .ToListAsync(cancellationToken);
        if (recordView)
        {
            await auditLog.RecordAsync(
                AuditActions.NoteViewed, AuditOutcome.Success, viewerId, nameof(NoteKind.DosingSession), sessionId, patientId, cancellationToken: cancellationToken);
        }

        return new DosingSessionDetails(
            patient,
            protocolName,
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
