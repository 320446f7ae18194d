using KapClinic.Core.Scheduling;

namespace KapClinic.Core.Tests.Scheduling;

public sealed class NextFreeSlotsTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static readonly ClinicianAvailability MondayMornings =
        new("Dr A", [new HoursBlock(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(12, 0))], []);

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) =>
        ClinicTimes.ToUtc(new DateOnly(2027, month, day), new TimeOnly(hour, minute), NewYork);

    [Fact]
    public void Free_times_skip_busy_ones_and_stay_inside_the_working_block()
    {
        TimeRange[] busy = [new(At(3, 1, 9), At(3, 1, 10, 30))];

        var slots = NextFreeSlots.Find(At(3, 1, 9), TimeSpan.FromHours(1), NewYork, MondayMornings, busy);

        Assert.Equal(
            new[] { At(3, 1, 10, 30), At(3, 1, 11), At(3, 8, 9), At(3, 8, 9, 30), At(3, 8, 10) },
            slots.Select(s => s.StartsAt));
        Assert.All(slots, s => Assert.Equal(TimeSpan.FromHours(1), s.EndsAt - s.StartsAt));
    }

    [Fact]
    public void A_slot_may_start_when_a_busy_one_ends()
    {
        TimeRange[] busy = [new(At(3, 1, 9), At(3, 1, 10))];

        var slots = NextFreeSlots.Find(At(3, 1, 9), TimeSpan.FromHours(1), NewYork, MondayMornings, busy, count: 1);

        Assert.Equal(At(3, 1, 10), Assert.Single(slots).StartsAt);
    }

    [Fact]
    public void Time_off_days_are_skipped_and_the_search_stops_after_fourteen_days()
    {
        var away = MondayMornings with { TimeOff = [new TimeOffPeriod(new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 7), "Leave")] };

        var slots = NextFreeSlots.Find(At(3, 1, 9), TimeSpan.FromHours(3), NewYork, away, []);

        // Monday 1 March is leave; 8 March is the only other Monday within 14 days (1-14 March).
        Assert.Equal(At(3, 8, 9), Assert.Single(slots).StartsAt);
    }

    [Fact]
    public void Slots_keep_their_wall_clock_time_across_the_daylight_saving_change()
    {
        var slots = NextFreeSlots.Find(At(3, 8, 11), TimeSpan.FromHours(1), NewYork, MondayMornings, [], count: 2);

        Assert.Equal(new[] { At(3, 8, 11), At(3, 15, 9) }, slots.Select(s => s.StartsAt));
        Assert.Equal(new DateTimeOffset(2027, 3, 15, 13, 0, 0, TimeSpan.Zero), slots[1].StartsAt);
    }

    [Fact]
    public void Without_a_weekly_template_the_clinic_hours_apply()
    {
        var unset = new ClinicianAvailability("Dr B", [], []);

        var slots = NextFreeSlots.Find(At(3, 6, 9), TimeSpan.FromHours(1), NewYork, unset, [], count: 1); // a Saturday

        Assert.Equal(At(3, 8, 8), Assert.Single(slots).StartsAt);
    }
}
