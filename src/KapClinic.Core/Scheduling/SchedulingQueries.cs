using KapClinic.Core.Data;
using KapClinic.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Scheduling;

/// <summary>The reads the booking rules share: busy appointments in a window and clinicians' availability.</summary>
internal static class SchedulingQueries
{
    /// <summary>Non-cancelled appointments overlapping the window that hold any of the rooms, clinicians or patients (one SQL command).</summary>
    public static async Task<List<BusyAppointment>> BusyAsync(
        KapClinicDbContext db,
        TimeRange window,
        IReadOnlyCollection<Guid> roomIds,
        IReadOnlyCollection<Guid> clinicianIds,
        IReadOnlyCollection<Guid> patientIds,
        IReadOnlyCollection<Guid> excludeIds,
        CancellationToken cancellationToken) =>
        await db.Appointments.AsNoTracking()
            .Where(a => a.Status != AppointmentStatus.Cancelled && a.StartsAt < window.End && window.Start < a.EndsAt)
            .Where(a => (a.RoomId != null && roomIds.Contains(a.RoomId.Value)) || clinicianIds.Contains(a.ClinicianId) || patientIds.Contains(a.PatientId))
            .Where(a => !excludeIds.Contains(a.Id))
            .OrderBy(a => a.StartsAt)
            .Select(a => new BusyAppointment(
                a.Id,
                a.PatientId,
                a.ClinicianId,
                db.Users.Where(u => u.Id == a.ClinicianId).Select(u => u.DisplayName).FirstOrDefault() ?? "The clinician",
                a.RoomId,
                db.Rooms.Where(r => r.Id == a.RoomId).Select(r => r.Name).FirstOrDefault(),
                a.Type,
                a.StartsAt,
                a.EndsAt))
            .ToListAsync(cancellationToken);

    /// <summary>Each clinician's weekly hours and the time off touching [from, to] (three SQL commands whatever the count).</summary>
    public static async Task<Dictionary<Guid, ClinicianAvailability>> AvailabilityAsync(
        KapClinicDbContext db, IReadOnlyCollection<Guid> clinicianIds, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var names = await db.Users.AsNoTracking().Where(u => clinicianIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var hours = await db.WorkingHours.AsNoTracking().Where(w => clinicianIds.Contains(w.ClinicianId))
            .Select(w => new { w.ClinicianId, Block = new HoursBlock(w.Day, w.Start, w.End) }).ToListAsync(cancellationToken);
        var timeOff = await db.TimeOff.AsNoTracking()
            .Where(t => clinicianIds.Contains(t.ClinicianId) && t.FirstDay <= to && t.LastDay >= from)
            .Select(t => new { t.ClinicianId, Period = new TimeOffPeriod(t.FirstDay, t.LastDay, t.Reason) }).ToListAsync(cancellationToken);
        return clinicianIds.Distinct().ToDictionary(
            id => id,
            id => new ClinicianAvailability(
                names.GetValueOrDefault(id, "The clinician"),
                [.. hours.Where(h => h.ClinicianId == id).Select(h => h.Block)],
                [.. timeOff.Where(t => t.ClinicianId == id).Select(t => t.Period)]));
    }

    /// <summary>Enabled users with the Clinician role.</summary>
    public static IQueryable<ClinicUser> ActiveClinicians(KapClinicDbContext db)
    {
        var clinicianIds = db.UserRoles.Join(db.Roles.Where(r => r.Name == ClinicRoles.Clinician), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId);
        return db.Users.Where(u => !u.IsDisabled && clinicianIds.Contains(u.Id));
    }
}
