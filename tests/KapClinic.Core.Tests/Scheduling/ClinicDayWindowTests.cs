using KapClinic.Core.Scheduling;

namespace KapClinic.Core.Tests.Scheduling;

public sealed class ClinicDayWindowTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void An_ordinary_day_runs_24_hours_from_local_midnight()
    {
        var window = ClinicDayWindow.For(new DateOnly(2026, 12, 2), NewYork);

        Assert.Equal(new DateTimeOffset(2026, 12, 2, 5, 0, 0, TimeSpan.Zero), window.Start);
        Assert.Equal(TimeSpan.FromHours(24), window.Length);
    }

    [Fact]
    public void The_spring_forward_day_has_23_hours()
    {
        var window = ClinicDayWindow.For(new DateOnly(2027, 3, 14), NewYork);

        Assert.Equal(new DateTimeOffset(2027, 3, 14, 5, 0, 0, TimeSpan.Zero), window.Start); // midnight EST
        Assert.Equal(new DateTimeOffset(2027, 3, 15, 4, 0, 0, TimeSpan.Zero), window.End); // midnight EDT
        Assert.Equal(TimeSpan.FromHours(23), window.Length);
    }

    [Fact]
    public void The_fall_back_day_has_25_hours()
    {
        var window = ClinicDayWindow.For(new DateOnly(2026, 11, 1), NewYork);

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 4, 0, 0, TimeSpan.Zero), window.Start); // midnight EDT
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 5, 0, 0, TimeSpan.Zero), window.End); // midnight EST
        Assert.Equal(TimeSpan.FromHours(25), window.Length);
    }

    [Fact]
    public void Nine_in_the_morning_keeps_its_wall_clock_time_on_both_sides_of_the_change()
    {
        var before = ClinicDayWindow.ToUtc(new DateOnly(2027, 3, 13), new TimeOnly(9, 0), NewYork);
        var after = ClinicDayWindow.ToUtc(new DateOnly(2027, 3, 15), new TimeOnly(9, 0), NewYork);

        Assert.Equal(14, before.UtcDateTime.Hour);
        Assert.Equal(13, after.UtcDateTime.Hour);
    }

    [Fact]
    public void A_skipped_time_moves_on_by_the_gap_and_a_repeated_time_is_its_first_occurrence()
    {
        var skipped = ClinicDayWindow.ToUtc(new DateOnly(2027, 3, 14), new TimeOnly(2, 30), NewYork);
        var repeated = ClinicDayWindow.ToUtc(new DateOnly(2026, 11, 1), new TimeOnly(1, 30), NewYork);

        Assert.Equal(new DateTimeOffset(2027, 3, 14, 7, 30, 0, TimeSpan.Zero), skipped); // 03:30 EDT
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 5, 30, 0, TimeSpan.Zero), repeated); // 01:30 EDT, the first one
    }

    [Fact]
    public void Slots_skip_the_missing_hour_when_the_clocks_go_forward()
    {
        var window = ClinicDayWindow.For(new DateOnly(2027, 3, 14), NewYork);

        var slots = window.Slots(window.Start, window.End, TimeSpan.FromMinutes(30), NewYork);

        Assert.Equal(46, slots.Count);
        var labels = slots.Select(s => s.LocalStart.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(["01:00", "01:30", "03:00", "03:30"], labels.Skip(2).Take(4));
        Assert.DoesNotContain("02:00", labels);
        Assert.All(slots, s => Assert.False(s.IsRepeatedTime));
    }

    [Fact]
    public void Slots_repeat_the_hour_when_the_clocks_go_back_and_mark_the_second_pass()
    {
        var window = ClinicDayWindow.For(new DateOnly(2026, 11, 1), NewYork);

        var slots = window.Slots(window.Start, window.End, TimeSpan.FromMinutes(30), NewYork);

        Assert.Equal(50, slots.Count);
        var oneAm = slots.Where(s => s.LocalStart.Hour == 1 && s.LocalStart.Minute == 0).ToList();
        Assert.Equal(2, oneAm.Count);
        Assert.False(oneAm[0].IsRepeatedTime);
        Assert.True(oneAm[1].IsRepeatedTime);
        Assert.Equal(TimeSpan.FromHours(-4), oneAm[0].LocalStart.Offset);
        Assert.Equal(TimeSpan.FromHours(-5), oneAm[1].LocalStart.Offset);
    }

    [Fact]
    public void Slots_never_leave_the_day()
    {
        var window = ClinicDayWindow.For(new DateOnly(2026, 12, 2), NewYork);

        var slots = window.Slots(window.Start.AddHours(-3), window.End.AddHours(3), TimeSpan.FromHours(1), NewYork);

        Assert.Equal(24, slots.Count);
        Assert.Equal(window.Start, slots[0].StartsAt);
        Assert.Equal(window.End, slots[^1].EndsAt);
    }

    [Fact]
    public void Local_hours_floor_and_ceil_in_the_clinic_zone()
    {
        var instant = new DateTimeOffset(2026, 12, 2, 14, 40, 0, TimeSpan.Zero); // 09:40 EST

        Assert.Equal(new DateTimeOffset(2026, 12, 2, 14, 0, 0, TimeSpan.Zero), ClinicDayWindow.FloorToLocalHour(instant, NewYork));
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 15, 0, 0, TimeSpan.Zero), ClinicDayWindow.CeilingToLocalHour(instant, NewYork));
        var onTheHour = new DateTimeOffset(2026, 12, 2, 15, 0, 0, TimeSpan.Zero);
        Assert.Equal(onTheHour, ClinicDayWindow.CeilingToLocalHour(onTheHour, NewYork));
    }

    [Fact]
    public void An_absurd_day_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ClinicDayWindow.For(DateOnly.MaxValue, NewYork));
    }
}
