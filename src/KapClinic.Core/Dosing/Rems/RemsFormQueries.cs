using KapClinic.Core.Auditing;
using KapClinic.Core.Common;
using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Notes;
using KapClinic.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Dosing.Rems;

/// <summary>
/// The esketamine REMS Patient Monitoring Form of a session, filled from its log (a view of the record, audited),
/// and the clinic's list of forms due, overdue and recently submitted.
/// </summary>
public sealed class RemsFormQueries(KapClinicDbContext db, ClinicSettingsService settings, AuditLog auditLog, TimeProvider clock)
{
    /// <summary>The form of a dosed esketamine session of the patient; 404 for any other session.</summary>
    public async Task<RemsForm> GetAsync(Guid patientId, Guid sessionId, Guid viewerId, CancellationToken cancellationToken = default)
    {
        var session = await db.DosingSessions.AsNoTracking()
            .Include(s => s.Administrations)
            .Include(s => s.Readings)
            .Include(s => s.AdverseEvents)
            .AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == sessionId && s.PatientId == patientId, cancellationToken)
            ?? throw new NotFoundException("That dosing session does not exist.");
        if (session.Drug != DrugKind.Esketamine || !session.IsDosed)
        {
            throw new NotFoundException("The REMS form is for an esketamine session with a dose recorded.");
        }

        var clinic = await settings.GetAsync(cancellationToken);
        var patient = await db.Patients.AsNoTracking().Where(p => p.Id == patientId)
            .Select(p => new
            {
                p.LegalFirstName,
                p.LegalLastName,
                p.DateOfBirth,
                p.Mrn,
                Clinician = db.Users.Where(u => u.Id == session.AuthorId)
                    .Select(u => u.Credentials == null ? u.DisplayName : u.DisplayName + ", " + u.Credentials).FirstOrDefault(),
                EarlierDose = db.DosingSessions.Any(s => s.PatientId == patientId && s.Id != sessionId && s.Drug == DrugKind.Esketamine
                    && s.OccurredAt < session.OccurredAt && s.Administrations.Any()),
                Submission = db.RemsSubmissions.Where(r => r.SessionId == sessionId)
                    .Select(r => new
                    {
                        r.SubmittedOn,
                        r.ConfirmationNumber,
                        r.RecordedAt,
                        By = db.Users.Where(u => u.Id == r.RecordedBy).Select(u => u.DisplayName).FirstOrDefault(),
                    })
                    .FirstOrDefault(),
            })
            .SingleAsync(cancellationToken);
        await auditLog.RecordAsync(
            AuditActions.NoteViewed, AuditOutcome.Success, viewerId, nameof(NoteKind.DosingSession), sessionId, patientId, "REMS form", cancellationToken);
        var submission = patient.Submission is { } s
            ? new RemsSubmissionInfo(s.SubmittedOn, s.ConfirmationNumber, s.By ?? "(unknown user)", s.RecordedAt)
            : null;
        return RemsDerivation.Derive(
            session,
            session.Readings,
            session.AdverseEvents,
            new RemsFacts(
                $"{patient.LegalFirstName} {patient.LegalLastName}", patient.DateOfBirth, patient.Mrn, !patient.EarlierDose,
                patient.Clinician ?? "(unknown user)", clinic.ClinicName, clinic.TimeZone, clinic.Dosing, submission));
    }

    /// <summary>
    /// Every dosed esketamine session without a submitted form (overdue first, then by due date), and the forms
    /// submitted in the last 30 days. Two SQL commands after the settings, whatever the number of sessions.
    /// </summary>
    public async Task<RemsDueList> RemsDueAsync(CancellationToken cancellationToken = default)
    {
        var zone = (await settings.GetAsync(cancellationToken)).TimeZone;
        var today = ClinicCalendar.Today(clock, zone);
        var open = await db.DosingSessions.AsNoTracking()
            .Where(s => s.Drug == DrugKind.Esketamine && s.Administrations.Any() && !db.RemsSubmissions.Any(r => r.SessionId == s.Id))
            .Join(db.Patients, s => s.PatientId, p => p.Id, (s, p) => new
            {
                s.Id,
                s.PatientId,
                p.LegalFirstName,
                p.LegalLastName,
                p.PreferredName,
                p.Mrn,
                s.OccurredAt,
                s.Status,
                Clinician = db.Users.Where(u => u.Id == s.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var since = today.AddDays(-RemsDueList.RecentDays);
        var submitted = await db.RemsSubmissions.AsNoTracking()
            .Where(r => r.SubmittedOn >= since)
            .Join(db.DosingSessions, r => r.SessionId, s => s.Id, (r, s) => new { r, s.OccurredAt })
            .Join(db.Patients, x => x.r.PatientId, p => p.Id, (x, p) => new
            {
                x.r.SessionId,
                x.r.PatientId,
                p.LegalFirstName,
                p.LegalLastName,
                p.PreferredName,
                p.Mrn,
                x.OccurredAt,
                x.r.SubmittedOn,
                x.r.ConfirmationNumber,
            })
            .ToListAsync(cancellationToken);
        return new RemsDueList(
            today,
            [.. open.Select(o => new RemsDueItem(
                    o.Id, o.PatientId, Patients.Patient.FormatName(o.LegalFirstName, o.LegalLastName, o.PreferredName), o.Mrn, o.Clinician ?? "(unknown user)",
                    ClinicCalendar.DateOf(o.OccurredAt, zone), o.Status == NoteStatus.Signed, today))
                .OrderBy(i => i.DueOn).ThenBy(i => i.PatientName, StringComparer.Ordinal)],
            [.. submitted.Select(x => new RemsSubmittedItem(
                    x.SessionId, x.PatientId, Patients.Patient.FormatName(x.LegalFirstName, x.LegalLastName, x.PreferredName), x.Mrn,
                    ClinicCalendar.DateOf(x.OccurredAt, zone), x.SubmittedOn, x.ConfirmationNumber))
                .OrderByDescending(i => i.SubmittedOn).ThenBy(i => i.PatientName, StringComparer.Ordinal)]);
    }
}
