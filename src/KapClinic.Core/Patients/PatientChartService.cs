using KapClinic.Core.Common;
using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Integration;
using KapClinic.Core.Notes;
using KapClinic.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Patients;

/// <summary>
/// Reads the patient chart: one small projection per part, so the chart costs the same fixed number of SQL
/// commands whether a list holds one row or hundreds. Reading is not auditing: the page records the view.
/// </summary>
public sealed class PatientChartService(KapClinicDbContext db, ClinicSettingsService settings, ReadinessService readiness, TimeProvider clock)
{
    public const int WeightsShown = 10;

    public async Task<PatientChart> GetChartAsync(Guid patientId, CancellationToken cancellationToken = default)
    {
        var zone = (await settings.GetAsync(cancellationToken)).TimeZone;
        var today = ClinicCalendar.Today(clock, zone);
        var patient = await db.Patients.AsNoTracking().Where(p => p.Id == patientId)
            .Select(p => new
            {
                p.Id, p.Mrn, p.LegalFirstName, p.LegalLastName, p.PreferredName, p.DateOfBirth, p.SexAtBirth, p.GenderIdentity,
                p.Pronouns, p.Phone, p.Email, p.EmergencyContact, p.ReferralSource, p.Status, p.IsArchived, p.HeightCm,
                Clinician = db.Users.Where(u => u.Id == p.PrimaryClinicianId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("That patient does not exist.");

        var weights = await db.WeightEntries.AsNoTracking().Where(w => w.PatientId == patientId)
            .OrderByDescending(w => w.MeasuredOn).ThenByDescending(w => w.RecordedAt).Take(WeightsShown)
            .Select(w => new ChartWeight(w.Id, w.MeasuredOn, w.Kg))
            .ToListAsync(cancellationToken);
        var screening = await db.Screenings.AsNoTracking().Where(s => s.PatientId == patientId)
            .OrderByDescending(s => s.VersionNumber)
            .Select(s => new ChartScreening(s.VersionNumber, s.Result, s.Reasons, s.CreatedAt, s.SignerName, s.SignerCredentials, s.SignedAt))
            .FirstOrDefaultAsync(cancellationToken);
        var courseRows = await db.TreatmentCourses.AsNoTracking().Where(c => c.PatientId == patientId)
            .Join(db.Protocols, c => c.ProtocolId, p => p.Id, (c, p) => new { Course = c, Protocol = p })
            .OrderByDescending(x => x.Course.StartDate).ThenByDescending(x => x.Course.CreatedAt)
            .Select(x => new
            {
                x.Course.Id, x.Protocol.Name, x.Course.StartDate, x.Course.Status, x.Course.EndDate, x.Course.StopReason,
                x.Protocol.PlannedPreparationSessions, x.Protocol.PlannedDosingSessions, x.Protocol.PlannedIntegrationSessions,
            })
            .ToListAsync(cancellationToken);
        var sessions = (await CourseSessions.ListAsync(db, n => n.PatientId == patientId, cancellationToken)).ToLookup(s => s.CourseId);
        // At most one course is planned or active (a database rule), so this is two SQL commands at most, never one per course.
        var open = courseRows.FirstOrDefault(c => c.Status is CourseStatus.Planned or CourseStatus.Active);
        var openReadiness = open is null ? null : await readiness.GetReadinessAsync(open.Id, cancellationToken);
        var courses = courseRows.Select(c => new ChartCourse(
            c.Id, c.Name, c.StartDate, c.Status, c.EndDate, c.StopReason,
            new CourseTimeline(
                patientId, c.Id, c.Status, c.PlannedPreparationSessions, c.PlannedDosingSessions, c.PlannedIntegrationSessions,
                [.. sessions[c.Id]], c.Id == open?.Id ? openReadiness : null)))
            .ToList();
        var consents = await db.Consents.AsNoTracking().Where(c => c.PatientId == patientId)
            .OrderByDescending(c => c.SignedOn).ThenByDescending(c => c.RecordedAt)
            .Select(c => new ChartConsent(c.Id, c.Kind, c.Route, c.DocumentName, c.DocumentVersion, c.SignedOn, c.ExpiresOn, c.PatientTypedName, c.WitnessName))
            .ToListAsync(cancellationToken);
        var allergies = await db.Allergies.AsNoTracking().Where(a => a.PatientId == patientId && a.IsActive)
            .OrderBy(a => a.Substance)
            .Select(a => new ChartAllergy(a.Id, a.Substance, a.Reaction, a.RecordedAt))
            .ToListAsync(cancellationToken);
        var medications = await db.Medications.AsNoTracking().Where(m => m.PatientId == patientId && m.IsActive)
            .OrderBy(m => m.Name)
            .Select(m => new ChartMedication(m.Id, m.Name, m.Dose, m.Class, m.RecordedAt))
            .ToListAsync(cancellationToken);
        var diagnoses = await db.Diagnoses.AsNoTracking().Where(d => d.PatientId == patientId && d.IsActive)
            .OrderBy(d => d.Icd10Code)
            .Select(d => new ChartDiagnosis(d.Id, d.Icd10Code, d.Description, d.RecordedAt))
            .ToListAsync(cancellationToken);
        var measures = await db.MeasureResponses.AsNoTracking().Where(m => m.PatientId == patientId)
            .GroupBy(m => m.Instrument)
            .Select(g => g.OrderByDescending(m => m.TakenAt).ThenByDescending(m => m.EnteredAt)
                .Select(m => new ChartMeasure(m.Instrument, m.Total, m.Band, m.Alerts, m.TakenAt))
                .First())
            .ToListAsync(cancellationToken);
        measures = [.. measures.OrderBy(m => m.Instrument)];

        var header = new ChartHeader(
            patient.Id, patient.Mrn, Patient.FormatName(patient.LegalFirstName, patient.LegalLastName, patient.PreferredName),
            patient.DateOfBirth, Patient.AgeOn(patient.DateOfBirth, today), patient.SexAtBirth, patient.GenderIdentity, patient.Pronouns,
            patient.Phone, patient.Email, patient.EmergencyContact, patient.Clinician, patient.ReferralSource, patient.Status,
            patient.IsArchived, patient.HeightCm, weights.FirstOrDefault());
        var risk = await db.IntegrationNotes.AsNoTracking()
            .Where(n => n.PatientId == patientId && n.Status == NoteStatus.Signed)
            .OrderByDescending(n => n.OccurredAt)
            .Select(n => new { n.RiskMethod, n.RiskLevel, n.OccurredAt })
            .FirstOrDefaultAsync(cancellationToken);
        var judgement = risk is { RiskMethod: RiskCheckMethod.ClinicianJudgement, RiskLevel: { } level }
            ? new ChartRiskJudgement(level, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(risk.OccurredAt, zone).DateTime))
            : null;
        var alerts = PatientAlerts.For(screening, allergies, measures, consents, today, judgement);
        return new PatientChart(header, today, alerts, screening, courses, consents, weights, allergies, medications, diagnoses, measures);
    }
}
