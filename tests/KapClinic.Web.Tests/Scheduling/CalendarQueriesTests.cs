using KapClinic.Core.Scheduling;
using KapClinic.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static KapClinic.Web.Tests.Scheduling.ScheduleSeed;

namespace KapClinic.Web.Tests.Scheduling;

/// <summary>The calendar's read side against PostgreSQL. Each test uses its own day, so they share one database.</summary>
public sealed class CalendarQueriesTests(ScheduleFixture fixture) : IClassFixture<ScheduleFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task The_day_by_room_has_a_column_per_active_room_and_puts_an_appointment_in_its_room_and_start_row()
    {
        var day = new DateOnly(2026, 12, 7);
        var (room1, room2) = (await RoomAsync(App, "Placement room 1"), await RoomAsync(App, "Placement room 2"));
        var retired = await RoomAsync(App, "Placement retired room");
        await RetireAsync(retired);
        var clinician = await ClinicianAsync(App, "Dr Placement");
        var patient = await PatientAsync(App, "Maya", "Placement");
        var id = await AppointmentAsync(App, patient, clinician, room2, At(day, 9), TimeSpan.FromHours(3));

        var grid = await DayAsync(day, CalendarGrouping.ByRoom);

        var names = grid.Columns.Select(c => c.Name).ToList();
        Assert.Contains("Placement room 1", names);
        Assert.DoesNotContain("Placement retired room", names);
        Assert.Equal(7, grid.Rows[0].Slot.LocalStart.Hour); // no working hours on Mondays: 07:00-20:00
        Assert.Equal(26, grid.Rows.Count);
        var column = grid.Columns.ToList().FindIndex(c => c.Id == room2);
        var row = grid.Rows.Single(r => r.Cells[column].HasAppointments);
        Assert.Equal((9, 0), (row.Slot.LocalStart.Hour, row.Slot.LocalStart.Minute));
        Assert.Equal(6, row.Cells[column].RowSpan);
        var shown = Assert.Single(row.Cells[column].Appointments);
        Assert.Equal((id, "Maya Placement", "M.P.", "Dr Placement"), (shown.Id, shown.PatientName, shown.PatientInitials, shown.ClinicianName));
        Assert.False(grid.Rows.Single(r => r.Slot == row.Slot).Cells[grid.Columns.ToList().FindIndex(c => c.Id == room1)].HasAppointments);
    }

    [Fact]
    public async Task The_day_by_clinician_puts_the_appointment_in_its_clinicians_column_and_runs_over_their_working_hours()
    {
        var day = new DateOnly(2026, 12, 8); // a Tuesday
        var clinician = await ClinicianAsync(App, "Dr Columns");
        await HoursAsync(App, clinician, DayOfWeek.Tuesday, new TimeOnly(8, 0), new TimeOnly(18, 30));
        var room = await RoomAsync(App, "Columns room");
        var id = await AppointmentAsync(App, await PatientAsync(App, "Noor", "Columns"), clinician, room, At(day, 14, 30), TimeSpan.FromMinutes(60), AppointmentType.Integration);

        var grid = await DayAsync(day, CalendarGrouping.ByClinician);

        Assert.Equal(8, grid.Rows[0].Slot.LocalStart.Hour);
        Assert.Equal(19, grid.Rows[^1].Slot.EndsAt.ToOffset(grid.Rows[^1].Slot.LocalStart.Offset).Hour);
        var column = grid.Columns.ToList().FindIndex(c => c.Id == clinician);
        Assert.True(column >= 0);
        var cell = grid.Rows.Single(r => r.Slot.LocalStart.Hour == 14 && r.Slot.LocalStart.Minute == 30).Cells[column];
        Assert.Equal(id, Assert.Single(cell.Appointments).Id);
        Assert.Equal("Columns room", cell.Appointments[0].RoomName);
        Assert.Equal(2, cell.RowSpan);
    }

    [Fact]
    public async Task The_day_grid_reads_the_same_fixed_number_of_sql_commands_with_10_rooms_and_20_clinicians()
    {
        var day = new DateOnly(2026, 12, 9);
        var firstRoom = await RoomAsync(App, "Count room 0");
        var firstClinician = await ClinicianAsync(App, "Dr Count 0");
        await AppointmentAsync(App, await PatientAsync(App, "Few", "Count"), firstClinician, firstRoom, At(day, 9), TimeSpan.FromHours(1));
        await CountDayCommandsAsync(day); // warm up: the clinic settings are cached after their first read
        var few = await CountDayCommandsAsync(day);

        var rooms = new List<Guid> { firstRoom };
        for (var i = 1; i < 10; i++)
        {
            rooms.Add(await RoomAsync(App, $"Count room {i}"));
        }

        for (var i = 1; i < 20; i++)
        {
            var clinician = await ClinicianAsync(App, $"Dr Count {i}");
            await AppointmentAsync(App, await PatientAsync(App, $"Many{i}", "Count"), clinician, rooms[i % 10], At(day, 8 + (i / 10 * 2)), TimeSpan.FromMinutes(90));
        }

        var many = await CountDayCommandsAsync(day);

        Assert.Equal(few, many);
        Assert.Equal((3, 3), many);
        var grid = await DayAsync(day, CalendarGrouping.ByClinician);
        Assert.True(grid.Columns.Count >= 20);
        Assert.Equal(20, grid.Appointments.Count);
    }

    [Fact]
    public async Task On_the_spring_forward_day_the_day_has_23_hours_and_09_00_shows_at_09_00()
    {
        var day = new DateOnly(2027, 3, 14);
        var room = await RoomAsync(App, "Spring room");
        var id = await AppointmentAsync(App, await PatientAsync(App, "Spring", "Forward"), await ClinicianAsync(App, "Dr Spring"), room, At(day, 9), TimeSpan.FromHours(2));

        var grid = await DayAsync(day, CalendarGrouping.ByRoom);

        Assert.Equal(TimeSpan.FromHours(23), grid.Length);
        Assert.True(grid.IsDaylightSavingChange);
        var (row, shown) = Placed(grid, id);
        Assert.Equal(new DateTimeOffset(2027, 3, 14, 13, 0, 0, TimeSpan.Zero), shown.StartsAt);
        Assert.Equal("09:00", shown.StartText);
        Assert.Equal((9, 0), (row.Slot.LocalStart.Hour, row.Slot.LocalStart.Minute));
        Assert.Equal(TimeSpan.FromHours(-4), row.Slot.LocalStart.Offset);
    }

    [Fact]
    public async Task On_the_fall_back_day_the_day_has_25_hours_and_09_00_shows_at_09_00()
    {
        var day = new DateOnly(2026, 11, 1);
        var room = await RoomAsync(App, "Fall room");
        var id = await AppointmentAsync(App, await PatientAsync(App, "Fall", "Back"), await ClinicianAsync(App, "Dr Fall"), room, At(day, 9), TimeSpan.FromHours(1));

        var grid = await DayAsync(day, CalendarGrouping.ByRoom);

        Assert.Equal(TimeSpan.FromHours(25), grid.Length);
        var (row, shown) = Placed(grid, id);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 14, 0, 0, TimeSpan.Zero), shown.StartsAt);
        Assert.Equal((9, 0), (row.Slot.LocalStart.Hour, row.Slot.LocalStart.Minute));
        Assert.Equal(TimeSpan.FromHours(-5), row.Slot.LocalStart.Offset);
    }

    [Fact]
    public async Task The_today_board_marks_a_booked_patient_late_10_minutes_after_the_start()
    {
        var day = ScheduleFixture.Today; // the clock reads 10:00
        var room = await RoomAsync(App, "Board room");
        var late = await AppointmentAsync(App, await PatientAsync(App, "Late", "Board"), await ClinicianAsync(App, "Dr Board 1"), room, At(day, 9, 40), TimeSpan.FromMinutes(15), AppointmentType.Consult);
        var justStarted = await AppointmentAsync(App, await PatientAsync(App, "Soon", "Board"), await ClinicianAsync(App, "Dr Board 2"), null, At(day, 9, 55), TimeSpan.FromMinutes(30));
        var checkedIn = await AppointmentAsync(
            App, await PatientAsync(App, "Here", "Board"), await ClinicianAsync(App, "Dr Board 3"), null, At(day, 9), TimeSpan.FromHours(2), then: a => a.CheckIn(At(day, 8, 55)));
        var cancelled = await AppointmentAsync(
            App, await PatientAsync(App, "Gone", "Board"), await ClinicianAsync(App, "Dr Board 4"), null, At(day, 9, 0), TimeSpan.FromHours(1), then: a => a.Cancel("Unwell"));

        var board = await ScheduleSeed.WithAsync(App, sp => sp.GetRequiredService<CalendarQueries>().TodayBoardAsync());

        Assert.Equal(day, board.Day);
        Assert.Equal(new[] { checkedIn, cancelled, late, justStarted }.Order(), board.Items.Select(i => i.Appointment.Id).Order());
        var lateItem = Assert.Single(board.Items, i => i.IsLate);
        Assert.Equal(late, lateItem.Appointment.Id);
        Assert.Equal(TimeSpan.FromMinutes(20), lateItem.LateBy);
        Assert.Equal(1, board.InClinicCount);
    }

    [Fact]
    public async Task A_clinicians_day_shows_only_their_appointments_including_those_they_cover_as_prescriber()
    {
        var day = new DateOnly(2026, 12, 10);
        var (mine, other) = (await ClinicianAsync(App, "Dr Mine", prescriber: true), await ClinicianAsync(App, "Dr Other"));
        var seen = await AppointmentAsync(App, await PatientAsync(App, "Ann", "Mine"), mine, null, At(day, 9), TimeSpan.FromHours(1), AppointmentType.Preparation);
        var covered = await AppointmentAsync(App, await PatientAsync(App, "Bea", "Covered"), other, null, At(day, 11), TimeSpan.FromHours(2), prescriberId: mine);
        await AppointmentAsync(App, await PatientAsync(App, "Cy", "Others"), other, null, At(day, 14), TimeSpan.FromHours(1));
        await AppointmentAsync(App, await PatientAsync(App, "Di", "Tomorrow"), mine, null, At(day.AddDays(1), 9), TimeSpan.FromHours(1));

        var myDay = await ScheduleSeed.WithAsync(App, sp => sp.GetRequiredService<CalendarQueries>().ClinicianDayAsync(mine, day));

        Assert.Equal("Dr Mine", myDay.ClinicianName);
        Assert.Equal([seen, covered], myDay.Appointments.Select(a => a.Id));
    }

    [Fact]
    public async Task The_week_puts_each_appointment_under_its_local_day_and_knows_the_23_hour_sunday()
    {
        var monday = new DateOnly(2027, 3, 8);
        var room = await RoomAsync(App, "Week room");
        var clinician = await ClinicianAsync(App, "Dr Week");
        var wednesday = await AppointmentAsync(App, await PatientAsync(App, "Wed", "Week"), clinician, room, At(monday.AddDays(2), 23, 30), TimeSpan.FromMinutes(20));
        var sunday = await AppointmentAsync(App, await PatientAsync(App, "Sun", "Week"), clinician, room, At(monday.AddDays(6), 9), TimeSpan.FromHours(1));

        var week = await ScheduleSeed.WithAsync(App, sp => sp.GetRequiredService<CalendarQueries>().WeekAsync(monday, CalendarGrouping.ByRoom));

        Assert.Equal(7, week.Days.Count);
        Assert.Equal(TimeSpan.FromHours(23), week.Days[6].Length);
        var row = week.Rows.Single(r => r.Resource.Id == room);
        Assert.Equal(wednesday, Assert.Single(row.Days[2]).Id);
        Assert.Equal(sunday, Assert.Single(row.Days[6]).Id);
        Assert.Equal(2, row.Days.Sum(d => d.Count));
    }

    private static (CalendarRow Row, CalendarAppointment Appointment) Placed(CalendarDay grid, Guid id) =>
        grid.Rows.SelectMany(r => r.Cells.SelectMany(c => c.Appointments).Select(a => (r, a))).Single(x => x.a.Id == id);

    private Task<CalendarDay> DayAsync(DateOnly day, CalendarGrouping grouping) =>
        ScheduleSeed.WithAsync(App, sp => sp.GetRequiredService<CalendarQueries>().DayAsync(day, grouping));

    private async Task<(int ByRoom, int ByClinician)> CountDayCommandsAsync(DateOnly day)
    {
        fixture.Counter.Reset();
        await DayAsync(day, CalendarGrouping.ByRoom);
        var byRoom = fixture.Counter.Commands.Count;
        fixture.Counter.Reset();
        await DayAsync(day, CalendarGrouping.ByClinician);
        return (byRoom, fixture.Counter.Commands.Count);
    }

    private Task RetireAsync(Guid roomId) => ScheduleSeed.WithAsync(App, async sp =>
    {
        var db = sp.GetRequiredService<KapClinic.Core.Data.KapClinicDbContext>();
        (await db.Rooms.FindAsync(roomId))!.Retire();
        return await db.SaveChangesAsync();
    });
}
