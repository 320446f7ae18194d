using KapClinic.Core.Auditing;
using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Patients;
using KapClinic.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Scheduling;

/// <summary>What booking forms offer to choose from: clinicians, rooms, a patient's open courses, and patients by name or MRN.</summary>
public sealed class SchedulingLookups(KapClinicDbContext db, ClinicSettingsService settings, AuditLog audit)
{
    public const int MaxPatientMatches = 20;

    /// <summary>The clinic's time zone, in which times are entered and shown.</summary>
    public async Task<TimeZoneInfo> ZoneAsync(CancellationToken cancellationToken = default) => (await settings.GetAsync(cancellationToken)).TimeZone;

    /// <summary>Active clinicians by name, marked when they prescribe.</summary>
    public async Task<IReadOnlyList<ClinicianChoice>> CliniciansAsync(CancellationToken cancellationToken = default) =>
        await SchedulingQueries.ActiveClinicians(db).AsNoTracking().OrderBy(u => u.DisplayName)
            .Select(u => new ClinicianChoice(u.Id, u.DisplayName, u.Credentials, u.IsPrescriber))
            .ToListAsync(cancellationToken);

    /// <summary>Rooms, active first, by kind and name.</summary>
    public async Task<IReadOnlyList<RoomChoice>> RoomsAsync(bool activeOnly = true, CancellationToken cancellationToken = default) =>
        await db.Rooms.AsNoTracking().Where(r => !activeOnly || r.IsActive)
            .OrderByDescending(r => r.IsActive).ThenBy(r => r.Kind).ThenBy(r => r.Name)
            .Select(r => new RoomChoice(r.Id, r.Name, r.Kind, r.IsActive, r.Version))
            .ToListAsync(cancellationToken);

    /// <summary>The patient's planned and active courses.</summary>
    public async Task<IReadOnlyList<CourseChoice>> OpenCoursesAsync(Guid patientId, CancellationToken cancellationToken = default) =>
        await db.TreatmentCourses.AsNoTracking()
            .Where(c => c.PatientId == patientId && (c.Status == CourseStatus.Planned || c.Status == CourseStatus.Active))
            .Join(db.Protocols, c => c.ProtocolId, p => p.Id, (c, p) => new CourseChoice(c.Id, p.Name, c.Status, c.StartDate, p.MinimumMonitoringMinutes))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Unarchived patients whose name or MRN matches (at most <see cref="MaxPatientMatches"/>), with one audit event that
    /// says a search happened but never its term.
    /// </summary>
    public async Task<IReadOnlyList<PatientChoice>> FindPatientsAsync(string? term, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(term))
        {
            return [];
        }

        var trimmed = term.Trim();
        var looksLikeMrn = trimmed.StartsWith("KAP", StringComparison.OrdinalIgnoreCase) || trimmed.All(char.IsAsciiDigit);
        var search = looksLikeMrn ? new PatientSearch { Mrn = trimmed } : new PatientSearch { Name = trimmed };
        var rows = await db.Patients.AsNoTracking().Matching(search).SortedBy(PatientSort.Name, descending: false)
            .Take(MaxPatientMatches)
            .Select(p => new { p.Id, p.LegalFirstName, p.LegalLastName, p.PreferredName, p.Mrn, p.DateOfBirth, p.Status })
            .ToListAsync(cancellationToken);
        await audit.RecordAsync(
            SchedulingAuditActions.PatientSearchedForBooking, AuditOutcome.Success, entityType: "Patient",
            detail: $"Criteria: {(looksLikeMrn ? "MRN" : "name")}; {rows.Count} found.", cancellationToken: cancellationToken);
        return [.. rows.Select(r => new PatientChoice(r.Id, Patient.FormatName(r.LegalFirstName, r.LegalLastName, r.PreferredName), r.Mrn, r.DateOfBirth, r.Status))];
    }

    /// <summary>One patient as a choice (when the form arrives with ?patientId=), or null when there is no such patient.</summary>
    public async Task<PatientChoice?> PatientAsync(Guid patientId, CancellationToken cancellationToken = default)
    {
        var r = await db.Patients.AsNoTracking().Where(p => p.Id == patientId)
            .Select(p => new { p.Id, p.LegalFirstName, p.LegalLastName, p.PreferredName, p.Mrn, p.DateOfBirth, p.Status })
            .SingleOrDefaultAsync(cancellationToken);
        return r is null ? null : new PatientChoice(r.Id, Patient.FormatName(r.LegalFirstName, r.LegalLastName, r.PreferredName), r.Mrn, r.DateOfBirth, r.Status);
    }
}
