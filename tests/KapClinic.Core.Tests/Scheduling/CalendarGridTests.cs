using KapClinic.Core.Scheduling;

namespace KapClinic.Core.Tests.Scheduling;

public sealed class CalendarGridTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly DateOnly Day = new(2026, 12, 2);
    private static readonly Guid RoomA = Guid.NewGuid();
    private static readonly Guid RoomB = Guid.NewGuid();
    private static readonly CalendarColumn[] Columns = [new(RoomA, "Room A", true), new(RoomB, "Room B", true)];

    [Fact]
    public void Without_working_hours_the_day_shows_07_00_to_20_00_in_half_hours()
    {
        var window = ClinicDayWindow.For(Day, NewYork);

        var (from, to) = CalendarGrid.Range(window, NewYork, null, null, []);
        var slots = window.Slots(from, to, CalendarGrid.SlotLength, NewYork);

        Assert.Equal(26, slots.Count);
        Assert.Equal(7, slots[0].LocalStart.Hour);
        Assert.Equal(new TimeOnly(19, 30), TimeOnly.FromDateTime(slots[^1].LocalStart.DateTime));
    }

    [Fact]
    public void Working_hours_set_the_range_on_whole_hours()
    {
        var window = ClinicDayWindow.For(Day, NewYork);

        var (from, to) = CalendarGrid.Range(window, NewYork, new TimeOnly(8, 30), new TimeOnly(17, 15), []);

        Assert.Equal(8, TimeZoneInfo.ConvertTime(from, NewYork).Hour);
        Assert.Equal(18, TimeZoneInfo.ConvertTime(to, NewYork).Hour);
    }

    [Fact]
    public void The_range_widens_to_hold_an_appointment_outside_the_hours()
    {
        var window = ClinicDayWindow.For(Day, NewYork);
        var early = Appointment(RoomA, 6, 10, 45);

        var (from, to) = CalendarGrid.Range(window, NewYork, new TimeOnly(8, 0), new TimeOnly(17, 0), [early, Appointment(RoomB, 20, 30, 60)]);

        Assert.Equal(6, TimeZoneInfo.ConvertTime(from, NewYork).Hour);
        Assert.Equal(22, TimeZoneInfo.ConvertTime(to, NewYork).Hour);
    }

    [Fact]
    public void An_appointment_sits_in_the_row_of_its_start_and_spans_the_rows_it_lasts_into()
    {
        var dosing = Appointment(RoomB, 9, 0, 180);

        var rows = Layout([dosing]);

        var start = RowAt(rows, 9, 0);
        Assert.Same(CalendarCell.Empty, start.Cells[0]);
        Assert.Equal(6, start.Cells[1].RowSpan);
        Assert.Equal([dosing], start.Cells[1].Appointments);
        Assert.True(RowAt(rows, 9, 30).Cells[1].IsCovered);
        Assert.True(RowAt(rows, 11, 30).Cells[1].IsCovered);
        Assert.False(RowAt(rows, 12, 0).Cells[1].IsCovered);
    }

    [Fact]
    public void Appointments_off_the_half_hour_take_every_row_they_touch()
    {
        var consult = Appointment(RoomA, 10, 10, 30); // 10:10-10:40 touches 10:00 and 10:30

        var rows = Layout([consult]);

        Assert.Equal(2, RowAt(rows, 10, 0).Cells[0].RowSpan);
    }

    [Fact]
    public void Appointments_sharing_rows_in_one_column_share_a_cell_instead_of_hiding()
    {
        var first = Appointment(RoomA, 10, 0, 15);
        var second = Appointment(RoomA, 10, 15, 60);

        var rows = Layout([first, second]);

        var cell = RowAt(rows, 10, 0).Cells[0];
        Assert.Equal([first, second], cell.Appointments);
        Assert.Equal(3, cell.RowSpan);
    }

    [Fact]
    public void Every_row_has_one_cell_per_column()
    {
        var rows = Layout([Appointment(RoomA, 9, 0, 60), Appointment(RoomB, 13, 0, 30)]);

        Assert.All(rows, r => Assert.Equal(2, r.Cells.Count));
        Assert.Equal(2, rows.SelectMany(r => r.Cells).Count(c => c.HasAppointments));
    }

    private static List<CalendarRow> Layout(IReadOnlyList<CalendarAppointment> appointments)
    {
        var window = ClinicDayWindow.For(Day, NewYork);
        var (from, to) = CalendarGrid.Range(window, NewYork, null, null, appointments);
        var slots = window.Slots(from, to, CalendarGrid.SlotLength, NewYork);
        return [.. CalendarGrid.Rows(slots, Columns, appointments, a => a.RoomId)];
    }

    private static CalendarRow RowAt(List<CalendarRow> rows, int hour, int minute) =>
        rows.Single(r => r.Slot.LocalStart.Hour == hour && r.Slot.LocalStart.Minute == minute);

    private static CalendarAppointment Appointment(Guid roomId, int hour, int minute, int minutes)
    {
        var start = ClinicDayWindow.ToUtc(Day, new TimeOnly(hour, minute), NewYork);
        var end = start.AddMinutes(minutes);
        return new CalendarAppointment(
            Guid.NewGuid(), AppointmentType.Dosing, AppointmentStatus.Booked, start, end,
            TimeZoneInfo.ConvertTime(start, NewYork), TimeZoneInfo.ConvertTime(end, NewYork),
            Guid.NewGuid(), "Maya Nunez", "M.N.", Guid.NewGuid(), "Dr Rivera", null, null, roomId, "Room");
    }
}
