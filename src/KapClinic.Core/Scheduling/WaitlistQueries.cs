using KapClinic.Core.Data;
using KapClinic.Core.Patients;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Scheduling;

/// <summary>The waitlist's read side: one SQL command, whatever its length.</summary>
public sealed class WaitlistQueries(KapClinicDbContext db)
{
    /// <summary>Everyone still waiting, oldest first, with their course's protocol and the note.</summary>
    public async Task<IReadOnlyList<WaitlistItem>> ListWaitingAsync(CancellationToken cancellationToken = default)
    {
        var rows = await (
            from w in db.WaitlistEntries.AsNoTracking()
            where w.Status == WaitlistStatus.Waiting
            join p in db.Patients on w.PatientId equals p.Id
            from c in db.TreatmentCourses.Where(c => c.Id == w.CourseId).DefaultIfEmpty()
            from pr in db.Protocols.Where(pr => c != null && pr.Id == c.ProtocolId).DefaultIfEmpty()
            from u in db.Users.Where(u => u.Id == w.AddedBy).DefaultIfEmpty()
            orderby w.AddedAt, w.Id
            select new
            {
                w.Id,
                w.PatientId,
                p.LegalFirstName,
                p.LegalLastName,
                p.PreferredName,
                p.Mrn,
                w.CourseId,
                ProtocolName = pr != null ? pr.Name : null,
                w.Note,
                w.AddedAt,
                AddedByName = u != null ? u.DisplayName : null,
            }).ToListAsync(cancellationToken);

        return [.. rows.Select(w => new WaitlistItem(
            w.Id, w.PatientId, Patient.FormatName(w.LegalFirstName, w.LegalLastName, w.PreferredName), w.Mrn,
            w.CourseId, w.ProtocolName, w.Note, w.AddedAt, w.AddedByName))];
    }
}
