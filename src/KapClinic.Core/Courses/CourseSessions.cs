using System.Linq.Expressions;
using KapClinic.Core.Data;
using KapClinic.Core.Notes;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Courses;

/// <summary>The sessions of courses, from the notes' common table (one SQL command for any number of courses).</summary>
public static class CourseSessions
{
    /// <summary>The sessions whose notes match <paramref name="filter"/>, oldest first, each with its clinician's name.</summary>
    public static async Task<IReadOnlyList<CourseSession>> ListAsync(
        KapClinicDbContext db, Expression<Func<ClinicalNote, bool>> filter, CancellationToken cancellationToken) =>
        await db.ClinicalNotes.AsNoTracking()
            .Where(filter)
            .OrderBy(n => n.OccurredAt).ThenBy(n => n.CreatedAt)
            .Join(db.Users, n => n.AuthorId, u => u.Id, (n, u) => new CourseSession(n.Id, n.PatientId, n.CourseId, n.Kind, n.OccurredAt, n.Status, u.DisplayName))
            .ToListAsync(cancellationToken);
}
