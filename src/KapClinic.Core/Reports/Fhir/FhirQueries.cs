using KapClinic.Core.Data;
using KapClinic.Core.Dosing;
using KapClinic.Core.Integration;
using KapClinic.Core.Preparation;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Reports.Fhir;

/// <summary>
/// One SQL query per kind of record, projected to small rows (names of clinicians and rooms joined in SQL), ordered, untracked,
/// streamed: the export never loads a whole table, and the number of queries does not depend on the number of records.
/// </summary>
public sealed class FhirQueries(KapClinicDbContext db)
{
    public IAsyncEnumerable<FhirPatientRow> Patients(FhirScope scope) =>
        scope.Patients(db).AsNoTracking().OrderBy(p => p.Mrn)
            .Select(p => new FhirPatientRow(
                p.Id, p.Mrn, p.LegalFirstName, p.LegalLastName, p.PreferredName, p.DateOfBirth, p.SexAtBirth, p.Phone, p.Email, p.Address, p.IsArchived))
            .AsAsyncEnumerable();

    public IAsyncEnumerable<FhirSessionRow> Sessions(FhirScope scope)
    {
        var appointments = scope.Appointments(db);
        return scope.Notes(db).AsNoTracking().OrderBy(n => n.OccurredAt).ThenBy(n => n.Id)
            .Select(n => new FhirSessionRow(
                n.Id,
                n.PatientId,
                n.Kind,
                n.Status,
                n.OccurredAt,
                n is PreparationSession ? ((PreparationSession)n).DurationMinutes : n is IntegrationNote ? ((IntegrationNote)n).DurationMinutes : null,
                n is DosingSession ? ((DosingSession)n).DischargedAt : null,
                n.AuthorId,
                db.Users.Where(u => u.Id == n.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
                appointments.Where(a => a.SessionId == n.Id || (n is DosingSession && a.Id == ((DosingSession)n).AppointmentId))
                    .Select(a => (Guid?)a.Id).FirstOrDefault()))
            .AsAsyncEnumerable();
    }

    public IAsyncEnumerable<FhirDoseRow> Doses(FhirScope scope) =>
        scope.Doses(db).AsNoTracking().OrderBy(d => d.AdministeredAt).ThenBy(d => d.Id)
            .Select(d => new FhirDoseRow(
                d.Id, d.PatientId, d.NoteId, d.Drug, d.Route, d.DoseMg, d.AdministeredAt, d.InfusionEndAt, d.IsInfusion, d.InfusionRateMlPerHour, d.LotNumber,
                d.GivenById, db.Users.Where(u => u.Id == d.GivenById).Select(u => u.DisplayName).FirstOrDefault()))
            .AsAsyncEnumerable();

    /// <summary>The dosing sessions' pre-dose vitals and weight of the day (taken when the checklist says, else at the start).</summary>
    public IAsyncEnumerable<FhirVitalsRow> PreDoseVitals(FhirScope scope) =>
        scope.DosingSessions(db).AsNoTracking()
            .Where(s => s.PreDoseSystolic != null || s.PreDoseDiastolic != null || s.PreDoseHeartRate != null || s.PreDoseSpO2 != null
                || s.PreDoseRespiratoryRate != null || s.WeightKg != null)
            .OrderBy(s => s.OccurredAt).ThenBy(s => s.Id)
            .Select(s => new FhirVitalsRow(
                s.Id, "pre-dose", s.PatientId, s.Id, s.PreDoseVitalsAt ?? s.OccurredAt, s.PreDoseSystolic, s.PreDoseDiastolic, s.PreDoseHeartRate,
                s.PreDoseSpO2, s.PreDoseRespiratoryRate, s.WeightKg, s.AuthorId, db.Users.Where(u => u.Id == s.AuthorId).Select(u => u.DisplayName).FirstOrDefault()))
            .AsAsyncEnumerable();

    /// <summary>The monitoring readings that hold at least one vital sign (a reading of sedation only makes no vital-sign observation).</summary>
    public IAsyncEnumerable<FhirVitalsRow> Readings(FhirScope scope) =>
        scope.Readings(db).AsNoTracking()
            .Where(r => r.Systolic != null || r.Diastolic != null || r.HeartRate != null || r.SpO2 != null || r.RespiratoryRate != null)
            .OrderBy(r => r.TakenAt).ThenBy(r => r.Id)
            .Select(r => new FhirVitalsRow(
                r.Id, "reading", r.PatientId, r.NoteId, r.TakenAt, r.Systolic, r.Diastolic, r.HeartRate, r.SpO2, r.RespiratoryRate, null, r.RecordedBy,
                db.Users.Where(u => u.Id == r.RecordedBy).Select(u => u.DisplayName).FirstOrDefault()))
            .AsAsyncEnumerable();

    public IAsyncEnumerable<FhirWeightRow> Weights(FhirScope scope) =>
        scope.Weights(db).AsNoTracking().OrderBy(w => w.MeasuredOn).ThenBy(w => w.Id)
            .Select(w => new FhirWeightRow(w.Id, w.PatientId, w.MeasuredOn, w.Kg))
            .AsAsyncEnumerable();

    /// <summary>The rating scales; the encounter only when the session it was taken at is exported too.</summary>
    public IAsyncEnumerable<FhirMeasureRow> Measures(FhirScope scope)
    {
        var notes = scope.Notes(db);
        return scope.Measures(db).AsNoTracking().OrderBy(m => m.TakenAt).ThenBy(m => m.Id)
            .Select(m => new FhirMeasureRow(
                m.Id, m.PatientId, m.Instrument, m.Answers, m.Total, m.Band, m.TakenAt, m.EnteredBy,
                db.Users.Where(u => u.Id == m.EnteredBy).Select(u => u.DisplayName).FirstOrDefault(),
                notes.Where(n => n.Id == m.SessionId).Select(n => (Guid?)n.Id).FirstOrDefault()))
            .AsAsyncEnumerable();
    }

    public IAsyncEnumerable<FhirAppointmentRow> Appointments(FhirScope scope) =>
        scope.Appointments(db).AsNoTracking().OrderBy(a => a.StartsAt).ThenBy(a => a.Id)
            .Select(a => new FhirAppointmentRow(
                a.Id, a.PatientId, a.Type, a.Status, a.StartsAt, a.EndsAt, a.ClinicianId,
                db.Users.Where(u => u.Id == a.ClinicianId).Select(u => u.DisplayName).FirstOrDefault(),
                a.RoomId, db.Rooms.Where(r => r.Id == a.RoomId).Select(r => r.Name).FirstOrDefault(), a.CreatedAt))
            .AsAsyncEnumerable();
}
