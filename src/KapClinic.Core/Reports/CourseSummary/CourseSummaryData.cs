using KapClinic.Core.Common;
using KapClinic.Core.Data;
using KapClinic.Core.Measures;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Reports.CourseSummary;

/// <summary>
/// Everything one patient's course summary shows, read in five SQL commands whatever the number of courses,
/// sessions and doses: the patient, the courses, the sessions (the notes' common columns only, never their text),
/// the doses and the PHQ-9 and GAD-7 totals. All in time order.
/// </summary>
public sealed record CourseSummaryData(
    SummaryPatient Patient,
    IReadOnlyList<SummaryCourse> Courses,
    IReadOnlyList<SummarySession> Sessions,
    IReadOnlyList<SummaryDose> Doses,
    IReadOnlyList<SummaryMeasure> Measures)
{
    public static async Task<CourseSummaryData> LoadAsync(KapClinicDbContext db, Guid patientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var patient = await db.Patients.AsNoTracking().Where(p => p.Id == patientId)
            .Select(p => new SummaryPatient(p.Mrn, p.LegalFirstName, p.LegalLastName, p.DateOfBirth))
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("That patient does not exist.");
        var courses = await db.TreatmentCourses.AsNoTracking().Where(c => c.PatientId == patientId)
            .OrderBy(c => c.StartDate).ThenBy(c => c.Id)
            .Join(db.Protocols, c => c.ProtocolId, p => p.Id, (c, p) => new SummaryCourse(c.Id, p.Name, c.StartDate, c.EndDate, c.Status))
            .ToListAsync(cancellationToken);
        var sessions = await db.ClinicalNotes.AsNoTracking().Where(n => n.PatientId == patientId)
            .OrderBy(n => n.OccurredAt).ThenBy(n => n.CreatedAt)
            .Join(db.Users, n => n.AuthorId, u => u.Id, (n, u) => new SummarySession(
                n.CourseId, n.Kind, n.OccurredAt, n.Status, u.DisplayName, n.SignerName, n.SignerCredentials, n.SignedAt))
            .ToListAsync(cancellationToken);
        var doses = await db.DoseAdministrations.AsNoTracking().Where(a => a.PatientId == patientId)
            .Join(db.ClinicalNotes, a => a.NoteId, n => n.Id, (a, n) => new { a, n.CourseId })
            .OrderBy(x => x.a.AdministeredAt).ThenBy(x => x.a.Sequence)
            .Select(x => new SummaryDose(x.CourseId, x.a.AdministeredAt, x.a.Drug, x.a.Route, x.a.DoseMg, x.a.MgPerKg, x.a.LotNumber))
            .ToListAsync(cancellationToken);
        var measures = await db.MeasureResponses.AsNoTracking()
            .Where(m => m.PatientId == patientId && (m.Instrument == Instrument.Phq9 || m.Instrument == Instrument.Gad7))
            .OrderBy(m => m.TakenAt).ThenBy(m => m.Id)
            .Select(m => new SummaryMeasure(m.Instrument, m.TakenAt, m.Total, m.Band))
            .ToListAsync(cancellationToken);
        return new CourseSummaryData(patient, courses, sessions, doses, measures);
    }

    public string ProtocolOf(Guid courseId) => Courses.FirstOrDefault(c => c.Id == courseId)?.Protocol ?? "(unknown course)";
}
