using KapClinic.Core.Auditing;
using KapClinic.Core.Common;
using KapClinic.Core.Data;
using KapClinic.Core.Notes;
using KapClinic.Core.Patients;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Preparation;

/// <summary>Reads preparation notes. Every read of a note's content writes a "Note.Viewed" audit event.</summary>
public sealed class PreparationSessionQueries(KapClinicDbContext db, PatientBannerService banners, AuditLog auditLog)
{
    /// <summary>The patient, the course (which must be theirs) and the latest screening, for a new note's form.</summary>
    public async Task<PreparationFormContext> GetFormContextAsync(Guid patientId, Guid courseId, CancellationToken cancellationToken = default)
    {
        var patient = await banners.GetAsync(patientId, cancellationToken);
        var course = await CourseAsync(patientId, courseId, cancellationToken);
        return new PreparationFormContext(patient, course, await LatestScreeningAsync(patientId, cancellationToken));
    }

    /// <summary>
    /// One note with its addenda and co-signature, audited as viewed by <paramref name="viewerId"/>. Pass
    /// <paramref name="recordView"/> false only when the note's stored text is not shown (a form re-shown with what
    /// the user typed).
    /// </summary>
    public async Task<PreparationSessionDetails> GetAsync(
        Guid patientId, Guid sessionId, Guid viewerId, bool recordView = true, CancellationToken cancellationToken = default)
    {
        var patient = await banners.GetAsync(patientId, cancellationToken);
        var session = await db.PreparationSessions.AsNoTracking()
            .Include(s => s.Addenda.OrderBy(a => a.SignedAt))
            .Include(s => s.CoSignature)
            .AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == sessionId && s.PatientId == patientId, cancellationToken)
            ?? throw new NotFoundException("That preparation session does not exist.");
        var author = await db.Users.AsNoTracking().Where(u => u.Id == session.AuthorId)
            .Select(u => u.Credentials == null ? u.DisplayName : u.DisplayName + ", " + u.Credentials)
            .SingleOrDefaultAsync(cancellationToken) ?? "(unknown user)";
        var course = await CourseAsync(patientId, session.CourseId, cancellationToken);
        var reviewedId = session.ReviewedScreeningId;
        var screenings = await Snapshots(db.Screenings.Where(s => s.PatientId == patientId
                && (s.Id == reviewedId || s.VersionNumber == db.Screenings.Where(v => v.PatientId == patientId).Max(v => v.VersionNumber))))
            .ToListAsync(cancellationToken);
        if (recordView)
        {
            await auditLog.RecordAsync(
                AuditActions.NoteViewed, AuditOutcome.Success, viewerId, nameof(NoteKind.PreparationSession), sessionId, patientId, cancellationToken: cancellationToken);
        }

        return new PreparationSessionDetails(
            patient,
            course,
            session,
            author,
            screenings.FirstOrDefault(s => s.Id == session.ReviewedScreeningId),
            screenings.MaxBy(s => s.VersionNumber));
    }

    /// <summary>A course's preparation sessions without their text (date, clinician, status): safe for any role.</summary>
    public async Task<IReadOnlyList<PreparationSessionListItem>> ListForCourseAsync(Guid courseId, CancellationToken cancellationToken = default) =>
        await db.PreparationSessions.AsNoTracking()
            .Where(s => s.CourseId == courseId)
            .OrderBy(s => s.OccurredAt)
            .Join(db.Users, s => s.AuthorId, u => u.Id, (s, u) => new PreparationSessionListItem(
                s.Id, s.OccurredAt, s.DurationMinutes, s.Modality, u.DisplayName, s.Status, s.SignedAt))
            .ToListAsync(cancellationToken);

    internal async Task<PreparationCourseInfo> CourseAsync(Guid patientId, Guid courseId, CancellationToken cancellationToken) =>
        await db.TreatmentCourses.AsNoTracking()
            .Where(c => c.Id == courseId && c.PatientId == patientId)
            .Join(db.Protocols, c => c.ProtocolId, p => p.Id, (c, p) => new PreparationCourseInfo(c.Id, p.Name, c.Status, c.StartDate, p.PlannedPreparationSessions))
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("That treatment course does not exist.");

    internal async Task<ScreeningSnapshot?> LatestScreeningAsync(Guid patientId, CancellationToken cancellationToken) =>
        await Snapshots(db.Screenings.Where(s => s.PatientId == patientId).OrderByDescending(s => s.VersionNumber).Take(1))
            .FirstOrDefaultAsync(cancellationToken);

    private static IQueryable<ScreeningSnapshot> Snapshots(IQueryable<Screening.ScreeningVersion> screenings) =>
        screenings.AsNoTracking()
            .Select(s => new ScreeningSnapshot(s.Id, s.VersionNumber, s.Result, s.Reasons, s.CreatedAt, s.SignerName, s.SignerCredentials, s.SignedAt));
}
