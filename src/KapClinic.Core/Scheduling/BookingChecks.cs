using KapClinic.Core.Common;
using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Patients;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Scheduling;

/// <summary>
/// The checks every booking path shares (a single appointment, a course plan, the waitlist): the patient can be
/// booked, the clinician, prescriber and room exist and are active, the course is the patient's and open. Each
/// refusal names the form field it belongs to.
/// </summary>
public sealed class BookingChecks(KapClinicDbContext db)
{
    public async Task<BookablePatient> PatientAsync(Guid patientId, string field, CancellationToken cancellationToken = default)
    {
        var patient = await db.Patients.AsNoTracking().Where(p => p.Id == patientId)
            .Select(p => new { p.LegalFirstName, p.LegalLastName, p.PreferredName, p.Mrn, p.Status, p.IsArchived })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new RuleViolationException(field, "That patient does not exist; search again and choose one from the list.");
        if (patient.IsArchived)
        {
            throw new RuleViolationException(field, "This patient is archived. An Admin must restore them before anything can be booked.");
        }

        if (patient.Status == PatientStatus.Discharged)
        {
            throw new RuleViolationException(field, "This patient is discharged. Re-admit them to the program before booking.");
        }

        return new BookablePatient(patientId, Patient.FormatName(patient.LegalFirstName, patient.LegalLastName, patient.PreferredName), patient.Mrn);
    }

    public async Task<string> ClinicianAsync(Guid clinicianId, string field, CancellationToken cancellationToken = default) =>
        await SchedulingQueries.ActiveClinicians(db).Where(u => u.Id == clinicianId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken)
        ?? throw new RuleViolationException(field, "Choose a clinician from the list: the one chosen is not an active user with the Clinician role.");

    public async Task PrescriberAsync(Guid prescriberId, string field, CancellationToken cancellationToken = default)
    {
        if (!await SchedulingQueries.ActiveClinicians(db).AnyAsync(u => u.Id == prescriberId && u.IsPrescriber, cancellationToken))
        {
            throw new RuleViolationException(field, "Choose a prescriber from the list: the one chosen is not an active prescribing clinician.");
        }
    }

    public async Task RoomAsync(Guid roomId, AppointmentType type, string field, CancellationToken cancellationToken = default)
    {
        var room = await db.Rooms.AsNoTracking().Where(r => r.Id == roomId).Select(r => new { r.Name, r.Kind, r.IsActive })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new RuleViolationException(field, "That room does not exist; choose one from the list.");
        if (!room.IsActive)
        {
            throw new RuleViolationException(field, $"{room.Name} is retired; choose an active room.");
        }

        if (type == AppointmentType.Dosing && room.Kind == RoomKind.TherapyRoom)
        {
            throw new RuleViolationException(field, $"A dosing session needs a dosing room or an infusion chair; {room.Name} is a therapy room.");
        }
    }

    /// <summary>The course (when one is chosen) must be the patient's and planned or active.</summary>
    public async Task<BookableCourse?> CourseAsync(Guid? courseId, Guid patientId, string field, CancellationToken cancellationToken = default)
    {
        if (courseId is not { } id)
        {
            return null;
        }

        var course = await db.TreatmentCourses.AsNoTracking().Where(c => c.Id == id)
            .Join(db.Protocols, c => c.ProtocolId, p => p.Id, (c, p) => new { c.PatientId, c.Status, p.Name, p.MinimumMonitoringMinutes })
            .SingleOrDefaultAsync(cancellationToken);
        if (course is null || course.PatientId != patientId)
        {
            throw new RuleViolationException(field, "That treatment course is not one of this patient's; choose one from the list.");
        }

        if (course.Status is not (CourseStatus.Planned or CourseStatus.Active))
        {
            throw new RuleViolationException(field, $"That course is {course.Status.ToString().ToLowerInvariant()}; choose an open course, or none.");
        }

        return new BookableCourse(id, course.Name, course.MinimumMonitoringMinutes);
    }
}
