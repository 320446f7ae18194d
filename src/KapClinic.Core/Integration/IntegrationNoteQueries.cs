using KapClinic.Core.Auditing;
using KapClinic.Core.Common;
using KapClinic.Core.Data;
using KapClinic.Core.Measures;
using KapClinic.Core.Notes;
using KapClinic.Core.Patients;
using KapClinic.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Integration;

/// <summary>Reads integration notes. Every read of a note's content writes a "Note.Viewed" audit event.</summary>
public sealed class IntegrationNoteQueries(KapClinicDbContext db, PatientBannerService banners, ClinicSettingsService settings, AuditLog auditLog)
{
    /// <summary>The patient, the course (which must be theirs), themes, items to carry forward and the latest C-SSRS, for a new note's form.</summary>
    public async Task<IntegrationFormContext> GetFormContextAsync(Guid patientId, Guid courseId, CancellationToken cancellationToken = default)
    {
        var patient = await banners.GetAsync(patientId, cancellationToken);
        var course = await CourseAsync(patientId, courseId, cancellationToken);
        var latest = await LatestSignedAsync(courseId, cancellationToken);
        var carried = latest?.Homework.Where(i => i.IsOutstanding).OrderBy(i => i.Position)
            .Select(i => new CarriedHomework(i.Id, i.Text, i.Status, latest.OccurredAt)).ToList() ?? [];
        if (carried.Count > 0)
        {
            // The new note's form shows text from the last signed note: that is a view of it, audited as one.
            await auditLog.RecordAsync(
                AuditActions.NoteViewed, AuditOutcome.Success, entityType: nameof(NoteKind.IntegrationNote), entityId: latest!.Id,
                patientId: patientId, detail: "Homework carried forward", cancellationToken: cancellationToken);
        }

        return new IntegrationFormContext(
            patient, course, await ThemesAsync([], cancellationToken), carried, await LatestCssrsAsync(patientId, cancellationToken),
            await DosingSessionsAsync(courseId, cancellationToken));
    }

    /// <summary>
    /// One note with its homework, addenda and co-signature, audited as viewed by <paramref name="viewerId"/>. Pass
    /// <paramref name="recordView"/> false only when the note's stored text is not shown (a form re-shown with what
    /// the user typed).
    /// </summary>
    public async Task<IntegrationNoteDetails> GetAsync(
        Guid patientId, Guid noteId, Guid viewerId, bool recordView = true, CancellationToken cancellationToken = default)
    {
        var patient = await banners.GetAsync(patientId, cancellationToken);
        var note = await db.IntegrationNotes.AsNoTracking()
            .Include(n => n.Homework.OrderBy(h => h.Position))
            .Include(n => n.Addenda.OrderBy(a => a.SignedAt))
            .Include(n => n.CoSignature)
            .AsSplitQuery()
            .SingleOrDefaultAsync(n => n.Id == noteId && n.PatientId == patientId, cancellationToken)
            ?? throw new NotFoundException("That integration note does not exist.");
        var author = await db.Users.AsNoTracking().Where(u => u.Id == note.AuthorId)
            .Select(u => u.Credentials == null ? u.DisplayName : u.DisplayName + ", " + u.Credentials)
            .SingleOrDefaultAsync(cancellationToken) ?? "(unknown user)";
        var course = await CourseAsync(patientId, note.CourseId, cancellationToken);
        var sourceIds = note.Homework.Where(i => i.IsCarriedForward).Select(i => i.CarriedFromItemId!.Value).ToList();
        var carriedFrom = await db.HomeworkItems.AsNoTracking().Where(i => sourceIds.Contains(i.Id))
            .Join(db.ClinicalNotes, i => i.NoteId, n => n.Id, (i, n) => new { i.Id, n.OccurredAt })
            .ToDictionaryAsync(r => r.Id, r => r.OccurredAt, cancellationToken);
        var riskMeasure = note.RiskMeasureId is { } riskId
            ? await Cssrs(db.MeasureResponses.Where(m => m.Id == riskId && m.PatientId == patientId), cancellationToken)
            : null;
        var context = new IntegrationFormContext(
            patient, course, await ThemesAsync(note.Themes, cancellationToken), [], await LatestCssrsAsync(patientId, cancellationToken),
            await DosingSessionsAsync(note.CourseId, cancellationToken));
        var measures = await MeasuresOnDayAsync(patientId, note.OccurredAt, cancellationToken);
        if (recordView)
        {
            await auditLog.RecordAsync(
                AuditActions.NoteViewed, AuditOutcome.Success, viewerId, nameof(NoteKind.IntegrationNote), noteId, patientId, cancellationToken: cancellationToken);
        }

        return new IntegrationNoteDetails(
            context, note, author, riskMeasure, carriedFrom, measures, context.DosingSessions.FirstOrDefault(d => d.Id == note.FollowsDosingSessionId));
    }

    internal async Task<IntegrationCourseInfo> CourseAsync(Guid patientId, Guid courseId, CancellationToken cancellationToken) =>
        await db.TreatmentCourses.AsNoTracking()
            .Where(c => c.Id == courseId && c.PatientId == patientId)
            .Join(db.Protocols, c => c.ProtocolId, p => p.Id, (c, p) => new IntegrationCourseInfo(c.Id, p.Name, c.Status, c.StartDate, p.PlannedIntegrationSessions))
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("That treatment course does not exist.");

    /// <summary>The course's dosing sessions with a dose, oldest first: those an integration note can follow.</summary>
    internal async Task<IReadOnlyList<FollowableDosingSession>> DosingSessionsAsync(Guid courseId, CancellationToken cancellationToken) =>
        await db.DosingSessions.AsNoTracking()
            .Where(s => s.CourseId == courseId && s.Administrations.Any())
            .OrderBy(s => s.OccurredAt)
            .Select(s => new FollowableDosingSession(
                s.Id, s.OccurredAt, s.Administrations.Min(a => a.AdministeredAt), s.Drug, s.Administrations.Sum(a => a.DoseMg)))
            .ToListAsync(cancellationToken);

    /// <summary>The course's latest signed integration note (by session time), with its homework; null when there is none.</summary>
    internal Task<IntegrationNote?> LatestSignedAsync(Guid courseId, CancellationToken cancellationToken) =>
        db.IntegrationNotes.AsNoTracking()
            .Include(n => n.Homework)
            .Where(n => n.CourseId == courseId && n.Status == NoteStatus.Signed)
            .OrderByDescending(n => n.OccurredAt).ThenByDescending(n => n.SignedAt)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The clinic's active themes by name, plus any of <paramref name="alsoKeep"/> (a draft's own, perhaps retired since).</summary>
    internal async Task<IReadOnlyList<string>> ThemesAsync(IReadOnlyList<string> alsoKeep, CancellationToken cancellationToken)
    {
        var active = await db.IntegrationThemes.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Name).Select(t => t.Name).ToListAsync(cancellationToken);
        return [.. active, .. alsoKeep.Where(k => !active.Contains(k, StringComparer.OrdinalIgnoreCase))];
    }

    internal Task<CssrsSnapshot?> LatestCssrsAsync(Guid patientId, CancellationToken cancellationToken) =>
        Cssrs(db.MeasureResponses.Where(m => m.PatientId == patientId).OrderByDescending(m => m.TakenAt).ThenByDescending(m => m.EnteredAt), cancellationToken);

    /// <summary>The level a C-SSRS screener found, from the alerts its scoring stored.</summary>
    internal static RiskLevel LevelOf(IReadOnlyCollection<string> alerts) =>
        alerts.Contains(PatientAlerts.CssrsHighRisk) ? RiskLevel.High
        : alerts.Contains(PatientAlerts.CssrsModerateRisk) ? RiskLevel.Moderate
        : RiskLevel.Low;

    private static async Task<CssrsSnapshot?> Cssrs(IQueryable<MeasureResponse> measures, CancellationToken cancellationToken)
    {
        var row = await measures.AsNoTracking().Where(m => m.Instrument == Instrument.CssrsScreener)
            .Select(m => new { m.Id, m.TakenAt, m.Alerts }).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new CssrsSnapshot(row.Id, row.TakenAt, LevelOf(row.Alerts));
    }

    private async Task<IReadOnlyList<SessionMeasure>> MeasuresOnDayAsync(Guid patientId, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var zone = (await settings.GetAsync(cancellationToken)).TimeZone;
        var day = ClinicCalendar.DateOf(occurredAt, zone).ToDateTime(TimeOnly.MinValue);
        var from = new DateTimeOffset(day, zone.GetUtcOffset(day)).ToUniversalTime();
        var to = new DateTimeOffset(day.AddDays(1), zone.GetUtcOffset(day.AddDays(1))).ToUniversalTime();
        return await db.MeasureResponses.AsNoTracking()
            .Where(m => m.PatientId == patientId && m.TakenAt >= from && m.TakenAt < to)
            .OrderBy(m => m.TakenAt)
            .Select(m => new SessionMeasure(m.Id, m.Instrument, m.Total, m.Band, m.TakenAt))
            .ToListAsync(cancellationToken);
    }
}
