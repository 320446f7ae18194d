using KapClinic.Core.Data;
using KapClinic.Core.Notes;
using KapClinic.Core.Patients;
using KapClinic.Core.Scheduling;
using KapClinic.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Dosing.Dashboard;

/// <summary>
/// Dosing sessions for the dashboard and the schedule: today's unsigned sessions (clinic time) with their phase,
/// minutes since the dose and whether a reading is overdue; the session an appointment opened.
/// </summary>
public sealed class DosingDashboardQueries(KapClinicDbContext db, ClinicSettingsService settings, TimeProvider clock)
{
    /// <summary>
    /// Today's unsigned dosing sessions, earliest first. A fixed number of SQL commands whatever their number: the
    /// settings, the sessions with their administrations, the names, and the times of the readings with a blood pressure.
    /// </summary>
    public async Task<IReadOnlyList<DosingTodayItem>> TodayAsync(CancellationToken cancellationToken = default)
    {
        var clinic = await settings.GetAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var window = ClinicDayWindow.For(ClinicCalendar.Today(clock, clinic.TimeZone), clinic.TimeZone);
        var sessions = await db.DosingSessions.AsNoTracking()
            .Include(s => s.Administrations)
            .Where(s => s.Status == NoteStatus.Draft && s.OccurredAt >= window.Start && s.OccurredAt < window.End)
            .OrderBy(s => s.OccurredAt)
            .ToListAsync(cancellationToken);
        if (sessions.Count == 0)
        {
            return [];
        }

        var ids = sessions.Select(s => s.Id).ToList();
        var patientIds = sessions.Select(s => s.PatientId).Distinct().ToList();
        var authorIds = sessions.Select(s => s.AuthorId).Distinct().ToList();
        var patients = await db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.Id))
            .Select(p => new { p.Id, p.LegalFirstName, p.LegalLastName, p.PreferredName, p.Mrn })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var clinicians = await db.Users.AsNoTracking().Where(u => authorIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        // Only a reading with a blood pressure resets the monitoring clock (MonitoringSchedule).
        var readings = (await db.VitalsReadings.AsNoTracking().Where(r => ids.Contains(r.NoteId) && r.Systolic != null && r.Diastolic != null)
                .Select(r => new { r.NoteId, r.TakenAt }).ToListAsync(cancellationToken))
            .ToLookup(r => r.NoteId, r => r.TakenAt);
        return [.. sessions.Select(s =>
        {
            var patient = patients[s.PatientId];
            return new DosingTodayItem(
                s.Id,
                s.PatientId,
                Patient.FormatName(patient.LegalFirstName, patient.LegalLastName, patient.PreferredName),
                patient.Mrn,
                clinicians.GetValueOrDefault(s.AuthorId) ?? "(unknown user)",
                s.Drug,
                s.StartedAt,
                PhaseOf(s),
                s.FirstDoseAt is { } first && !s.IsDischarged ? (int)Math.Floor((now - first).TotalMinutes) : null,
                MonitoringSchedule.Next(s, readings[s.Id], clinic.Dosing, now));
        })];
    }

    /// <summary>The dosing session opened from <paramref name="appointmentId"/>, if any.</summary>
    public async Task<Guid?> SessionOfAppointmentAsync(Guid appointmentId, CancellationToken cancellationToken = default) =>
        await db.DosingSessions.AsNoTracking()
            .Where(s => s.AppointmentId == appointmentId || db.Appointments.Any(a => a.Id == appointmentId && a.SessionId == s.Id))
            .Select(s => (Guid?)s.Id)
            .FirstOrDefaultAsync(cancellationToken);

    public static DosingPhase PhaseOf(DosingSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.DoseWithheldReason is not null ? DosingPhase.DoseWithheld
            : session.IsDischarged ? DosingPhase.Discharged
            : session.IsDosed ? DosingPhase.Monitoring
            : DosingPhase.Checklist;
    }
}
