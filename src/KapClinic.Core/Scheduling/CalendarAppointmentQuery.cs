using KapClinic.Core.Data;
using KapClinic.Core.Patients;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Scheduling;

/// <summary>Appointments with their patient, clinician, prescriber and room names: one SQL command, however many rows.</summary>
internal static class CalendarAppointmentQuery
{
    public static async Task<List<CalendarAppointment>> ListAsync(
        KapClinicDbContext db, IQueryable<Appointment> appointments, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var rows = await (
            from a in appointments.AsNoTracking()
            join p in db.Patients on a.PatientId equals p.Id
            join c in db.Users on a.ClinicianId equals c.Id
            from pr in db.Users.Where(u => u.Id == a.PrescriberId).DefaultIfEmpty()
            from r in db.Rooms.Where(r => r.Id == a.RoomId).DefaultIfEmpty()
            orderby a.StartsAt, a.Id
            select new
            {
                a.Id,
                a.Type,
                a.Status,
                a.StartsAt,
                a.EndsAt,
                a.PatientId,
                p.LegalFirstName,
                p.LegalLastName,
                p.PreferredName,
                a.ClinicianId,
                ClinicianName = c.DisplayName,
                a.PrescriberId,
                PrescriberName = pr != null ? pr.DisplayName : null,
                a.RoomId,
                RoomName = r != null ? r.Name : null,
            }).ToListAsync(cancellationToken);

        return [.. rows.Select(a => new CalendarAppointment(
            a.Id,
            a.Type,
            a.Status,
            a.StartsAt,
            a.EndsAt,
            TimeZoneInfo.ConvertTime(a.StartsAt, zone),
            TimeZoneInfo.ConvertTime(a.EndsAt, zone),
            a.PatientId,
            Patient.FormatName(a.LegalFirstName, a.LegalLastName, a.PreferredName),
            PatientInitials.Of(a.PreferredName ?? a.LegalFirstName, a.LegalLastName),
            a.ClinicianId,
            a.ClinicianName,
            a.PrescriberId,
            a.PrescriberName,
            a.RoomId,
            a.RoomName))];
    }
}
