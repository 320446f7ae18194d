using KapClinic.Core.Common;
using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Data.Json;
using KapClinic.Core.Integration;
using KapClinic.Core.Measures;
using KapClinic.Core.Settings;
using Npgsql;

namespace KapClinic.Core.Patients;

/// <summary>
/// Reads the patient chart in one SQL statement (<see cref="PatientChartSql"/>, plus the open course's readiness),
/// whether a list holds one row or hundreds. Reading is not auditing: the page records the view.
/// </summary>
public sealed class PatientChartService(KapClinicDbContext db, ClinicSettingsService settings, ReadinessService readiness, TimeProvider clock)
{
    public const int WeightsShown = 10;

    public async Task<PatientChart> GetChartAsync(Guid patientId, CancellationToken cancellationToken = default)
    {
        var zone = (await settings.GetAsync(cancellationToken)).TimeZone;
        var today = ClinicCalendar.Today(clock, zone);
        var rows = await JsonReadModel.ReadAsync<PatientChartRows>(
            db, PatientChartSql.Query, [new NpgsqlParameter("patient", patientId)], cancellationToken);
        var patient = rows?.Patient ?? throw new NotFoundException("That patient does not exist.");

        var sessions = rows.Sessions.ToLookup(s => s.CourseId);
        // At most one course is planned or active (a database rule), so this is two SQL commands at most, never one per course.
        var open = rows.Courses.FirstOrDefault(c => c.Status is CourseStatus.Planned or CourseStatus.Active);
        var openReadiness = open is null ? null : await readiness.GetReadinessAsync(open.Id, cancellationToken);
        var courses = rows.Courses.Select(c => new ChartCourse(
            c.Id, c.Name, c.StartDate, c.Status, c.EndDate, c.StopReason,
            new CourseTimeline(
                patientId, c.Id, c.Status, c.PlannedPreparationSessions, c.PlannedDosingSessions, c.PlannedIntegrationSessions,
                [.. sessions[c.Id]], c.Id == open?.Id ? openReadiness : null)))
            .ToList();
        List<ChartMeasure> measures = [.. rows.Measures.OrderBy(m => m.Instrument)];

        var header = new ChartHeader(
            patient.Id, patient.Mrn, Patient.FormatName(patient.LegalFirstName, patient.LegalLastName, patient.PreferredName),
            patient.DateOfBirth, Patient.AgeOn(patient.DateOfBirth, today), patient.SexAtBirth, patient.GenderIdentity, patient.Pronouns,
            patient.Phone, patient.Email, patient.EmergencyContact, patient.Clinician, patient.ReferralSource, patient.Status,
            patient.IsArchived, patient.HeightCm, rows.Weights.Count > 0 ? rows.Weights[0] : null);
        var risk = rows.Risk;
        var judgement = risk is { RiskMethod: RiskCheckMethod.ClinicianJudgement, RiskLevel: { } level }
            ? new ChartRiskJudgement(level, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(risk.OccurredAt, zone).DateTime))
            : null;
        var alerts = PatientAlerts.For(rows.Screening, rows.Allergies, measures, rows.Consents, today, judgement);
        return new PatientChart(
            header, today, alerts, rows.Screening, courses, rows.Consents, rows.Weights, rows.Allergies, rows.Medications,
            rows.Diagnoses, measures, MeasureTrend.FromPoints(rows.TrendPoints.Select(p => (p.Instrument, new MeasurePoint(p.Id, p.TakenAt, p.Total, p.Band)))));
    }
}
