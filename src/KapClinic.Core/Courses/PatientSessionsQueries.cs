using KapClinic.Core.Auditing;
using KapClinic.Core.Data;
using KapClinic.Core.Patients;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Courses;

/// <summary>
/// That sessions happened (date, kind, clinician, draft or signed), for every role that works with patients.
/// Reads only the notes' common columns, never their text. The view is audited.
/// </summary>
public sealed class PatientSessionsQueries(KapClinicDbContext db, PatientBannerService banners, AuditLog auditLog)
{
    /// <summary>The patient's sessions, newest first. Three SQL commands and the audit insert.</summary>
    public async Task<PatientSessionList> ListAsync(Guid patientId, Guid viewerId, CancellationToken cancellationToken = default)
    {
        var patient = await banners.GetAsync(patientId, cancellationToken);
        var sessions = await CourseSessions.ListAsync(db, n => n.PatientId == patientId, cancellationToken);
        var protocols = await db.TreatmentCourses.AsNoTracking().Where(c => c.PatientId == patientId)
            .Join(db.Protocols, c => c.ProtocolId, p => p.Id, (c, p) => new { c.Id, p.Name })
            .ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        await auditLog.RecordAsync(
            AuditActions.PatientSessionsViewed, AuditOutcome.Success, viewerId, "Patient", patientId, patientId, cancellationToken: cancellationToken);
        return new PatientSessionList(
            patient,
            [.. sessions.Reverse().Select(s => new PatientSessionListItem(s, protocols.GetValueOrDefault(s.CourseId, "(unknown course)")))]);
    }
}
