using KapClinic.Core.Common;
using KapClinic.Core.Data;
using KapClinic.Core.Settings;
using KapClinic.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Scheduling;

/// <summary>
/// The calendar's read side: day and week grids, the today board and a clinician's day. Each reads a fixed number
/// of SQL commands whatever the number of rooms, clinicians or appointments. Days run from local midnight to the
/// next local midnight in the clinic's zone, so a daylight-saving change day is 23 or 25 hours long.
/// </summary>
public sealed class CalendarQueries(KapClinicDbContext db, ClinicSettingsService settings, TimeProvider clock)
{
    /// <summary>Four commands: settings, working hours, columns, appointments.</summary>
    public async Task<CalendarDay> DayAsync(DateOnly day, CalendarGrouping grouping, CancellationToken cancellationToken = default)
    {
        var clinic = await settings.GetAsync(cancellationToken);
        var zone = clinic.TimeZone;
        var window = ClinicDayWindow.For(day, zone);
        var inDay = db.Appointments.Where(a => a.Status != AppointmentStatus.Cancelled && a.StartsAt < window.End && a.EndsAt > window.Start);

        var hours = await db.WorkingHours.AsNoTracking()
            .Where(w => w.Day == day.DayOfWeek)
            .GroupBy(w => 1)
            .Select(g => new { From = g.Min(w => w.Start), To = g.Max(w => w.End) })
            .SingleOrDefaultAsync(cancellationToken);
        var columns = await ColumnsAsync(grouping, inDay, cancellationToken);
        var appointments = await CalendarAppointmentQuery.ListAsync(db, inDay, zone, cancellationToken);
        AddNoRoomColumn(grouping, columns, appointments);

        var (from, to) = CalendarGrid.Range(window, zone, hours?.From, hours?.To, appointments);
        var slots = window.Slots(from, to, CalendarGrid.SlotLength, zone);
        var rows = CalendarGrid.Rows(slots, columns, appointments, ColumnOf(grouping));
        return new CalendarDay(window, grouping, clinic.TimeZoneId, columns, rows, appointments);
    }

    /// <summary>Three commands: settings, rows (rooms or clinicians), appointments starting in the week.</summary>
    public async Task<CalendarWeek> WeekAsync(DateOnly weekStart, CalendarGrouping grouping, CancellationToken cancellationToken = default)
    {
        var clinic = await settings.GetAsync(cancellationToken);
        var zone = clinic.TimeZone;
        var windows = Enumerable.Range(0, 7).Select(i => ClinicDayWindow.For(weekStart.AddDays(i), zone)).ToList();
        var (start, end) = (windows[0].Start, windows[^1].End);
        var inWeek = db.Appointments.Where(a => a.Status != AppointmentStatus.Cancelled && a.StartsAt >= start && a.StartsAt < end);

        var columns = await ColumnsAsync(grouping, inWeek, cancellationToken);
        var appointments = await CalendarAppointmentQuery.ListAsync(db, inWeek, zone, cancellationToken);
        AddNoRoomColumn(grouping, columns, appointments);

        var columnOf = ColumnOf(grouping);
        var rows = columns
            .Select(column => new CalendarWeekRow(column, [.. windows.Select(w => (IReadOnlyList<CalendarAppointment>)
                [.. appointments.Where(a => columnOf(a) == column.Id && w.Contains(a.StartsAt))])]))
            .ToList();
        return new CalendarWeek(weekStart, grouping, clinic.TimeZoneId, [.. windows.Select(w => new CalendarWeekDay(w.Day, w.Length))], rows);
    }

    /// <summary>Two commands: settings, today's appointments (cancelled ones included, for the front desk).</summary>
    public async Task<TodayBoard> TodayBoardAsync(CancellationToken cancellationToken = default)
    {
        var clinic = await settings.GetAsync(cancellationToken);
        var zone = clinic.TimeZone;
        var now = clock.GetUtcNow();
        var window = ClinicDayWindow.For(ClinicCalendar.DateOf(now, zone), zone);
        var appointments = await CalendarAppointmentQuery.ListAsync(
            db, db.Appointments.Where(a => a.StartsAt < window.End && a.EndsAt > window.Start), zone, cancellationToken);
        var items = appointments
            .Select(a => new TodayBoardItem(a, a.Status == AppointmentStatus.Booked && now > a.StartsAt + TodayBoard.LateAfter ? now - a.StartsAt : null))
            .ToList();
        return new TodayBoard(window, now, clinic.TimeZoneId, items);
    }

    /// <summary>Three commands: settings, the clinician, their appointments (as clinician or prescriber).</summary>
    public async Task<ClinicianDay> ClinicianDayAsync(Guid clinicianId, DateOnly day, CancellationToken cancellationToken = default)
    {
        var clinic = await settings.GetAsync(cancellationToken);
        var zone = clinic.TimeZone;
        var window = ClinicDayWindow.For(day, zone);
        var name = await db.Users.AsNoTracking().Where(u => u.Id == clinicianId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("That clinician does not exist.");
        var appointments = await CalendarAppointmentQuery.ListAsync(
            db,
            db.Appointments.Where(a => (a.ClinicianId == clinicianId || a.PrescriberId == clinicianId) && a.StartsAt < window.End && a.EndsAt > window.Start),
            zone,
            cancellationToken);
        return new ClinicianDay(clinicianId, name, window, clinic.TimeZoneId, appointments);
    }

    private static Func<CalendarAppointment, Guid?> ColumnOf(CalendarGrouping grouping) =>
        grouping == CalendarGrouping.ByRoom ? a => a.RoomId : a => a.ClinicianId;

    private static void AddNoRoomColumn(CalendarGrouping grouping, List<CalendarColumn> columns, List<CalendarAppointment> appointments)
    {
        if (grouping == CalendarGrouping.ByRoom && appointments.Any(a => a.RoomId is null))
        {
            columns.Add(new CalendarColumn(null, CalendarColumn.NoRoomName, true));
        }
    }

    /// <summary>Active rooms or clinicians, and inactive ones still holding appointments in the period: one command.</summary>
    private async Task<List<CalendarColumn>> ColumnsAsync(CalendarGrouping grouping, IQueryable<Appointment> inPeriod, CancellationToken cancellationToken)
    {
        if (grouping == CalendarGrouping.ByRoom)
        {
            var usedRooms = inPeriod.Where(a => a.RoomId != null).Select(a => a.RoomId);
            return await db.Rooms.AsNoTracking()
                .Where(r => r.IsActive || usedRooms.Contains((Guid?)r.Id))
                .OrderBy(r => r.Name)
                .Select(r => new CalendarColumn(r.Id, r.Name, r.IsActive))
                .ToListAsync(cancellationToken);
        }

        var clinicianIds = db.UserRoles.Join(db.Roles.Where(r => r.Name == ClinicRoles.Clinician), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId);
        var usedClinicians = inPeriod.Select(a => a.ClinicianId);
        return await db.Users.AsNoTracking()
            .Where(u => (!u.IsDisabled && clinicianIds.Contains(u.Id)) || usedClinicians.Contains(u.Id))
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Select(u => new CalendarColumn(u.Id, u.DisplayName, !u.IsDisabled && clinicianIds.Contains(u.Id)))
            .ToListAsync(cancellationToken);
    }
}
