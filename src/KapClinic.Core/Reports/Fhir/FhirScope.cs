using System.Linq.Expressions;
using KapClinic.Core.Data;
using KapClinic.Core.Dosing;
using KapClinic.Core.Measures;
using KapClinic.Core.Notes;
using KapClinic.Core.Patients;
using KapClinic.Core.Scheduling;

namespace KapClinic.Core.Reports.Fhir;

/// <summary>
/// What an export covers, as SQL filters: one patient's whole record, or everything whose own time falls in a period
/// (sessions by when they took place, doses by when given, readings by when taken, measures by when taken, weights by
/// the day measured, appointments by their start), and the patients who have any of it.
/// </summary>
public sealed record FhirScope(Guid? PatientId, DateTimeOffset? FromUtc, DateTimeOffset? ToUtcExclusive, DateOnly? FromDay, DateOnly? ToDay)
{
    public static FhirScope ForPatient(Guid patientId) => new(patientId, null, null, null, null);

    public static FhirScope ForPeriod(ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new(null, context.FromUtc, context.ToUtcExclusive, context.Filter.From, context.Filter.To);
    }

    public IQueryable<ClinicalNote> Notes(KapClinicDbContext db) =>
        Between(Own(db.ClinicalNotes, n => n.PatientId), n => n.OccurredAt);

    public IQueryable<DosingSession> DosingSessions(KapClinicDbContext db) =>
        Between(Own(db.DosingSessions, n => n.PatientId), n => n.OccurredAt);

    public IQueryable<DoseAdministration> Doses(KapClinicDbContext db) =>
        Between(Own(db.DoseAdministrations, d => d.PatientId), d => d.AdministeredAt);

    public IQueryable<VitalsReading> Readings(KapClinicDbContext db) =>
        Between(Own(db.VitalsReadings, r => r.PatientId), r => r.TakenAt);

    public IQueryable<MeasureResponse> Measures(KapClinicDbContext db) =>
        Between(Own(db.MeasureResponses, m => m.PatientId), m => m.TakenAt);

    public IQueryable<Appointment> Appointments(KapClinicDbContext db) =>
        Between(Own(db.Appointments, a => a.PatientId), a => a.StartsAt);

    public IQueryable<WeightEntry> Weights(KapClinicDbContext db)
    {
        var weights = Own(db.WeightEntries, w => w.PatientId);
        if (FromDay is { } from && ToDay is { } to)
        {
            weights = weights.Where(w => w.MeasuredOn >= from && w.MeasuredOn <= to);
        }

        return weights;
    }

    /// <summary>The patient, or (for a period) every patient with a session, dose, reading, measure, weight or appointment in it.</summary>
    public IQueryable<Patient> Patients(KapClinicDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (PatientId is { } id)
        {
            return db.Patients.Where(p => p.Id == id);
        }

        var notes = Notes(db);
        var doses = Doses(db);
        var readings = Readings(db);
        var measures = Measures(db);
        var weights = Weights(db);
        var appointments = Appointments(db);
        return db.Patients.Where(p => notes.Any(n => n.PatientId == p.Id) || doses.Any(d => d.PatientId == p.Id) || readings.Any(r => r.PatientId == p.Id)
            || measures.Any(m => m.PatientId == p.Id) || weights.Any(w => w.PatientId == p.Id) || appointments.Any(a => a.PatientId == p.Id));
    }

    private IQueryable<T> Own<T>(IQueryable<T> rows, Expression<Func<T, Guid>> patient)
    {
        if (PatientId is not { } id)
        {
            return rows;
        }

        var parameter = patient.Parameters[0];
        var body = Expression.Equal(patient.Body, Captured(id));
        return rows.Where(Expression.Lambda<Func<T, bool>>(body, parameter));
    }

    private IQueryable<T> Between<T>(IQueryable<T> rows, Expression<Func<T, DateTimeOffset>> time)
    {
        if (FromUtc is not { } from || ToUtcExclusive is not { } to)
        {
            return rows;
        }

        var parameter = time.Parameters[0];
        var body = Expression.AndAlso(
            Expression.GreaterThanOrEqual(time.Body, Captured(from)),
            Expression.LessThan(time.Body, Captured(to)));
        return rows.Where(Expression.Lambda<Func<T, bool>>(body, parameter));
    }

    // A closure's field, so EF sends the value as a SQL parameter (one cached plan), not as a literal.
    private static Expression Captured<TValue>(TValue value)
    {
        Expression<Func<TValue>> read = () => value;
        return read.Body;
    }
}
