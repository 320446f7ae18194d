using KapClinic.Core.Scheduling;

namespace KapClinic.Core.Tests.Scheduling;

public sealed class ClinicTimesTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void Nine_oclock_keeps_its_wall_clock_time_across_the_spring_change_and_the_offset_moves_from_minus_five_to_minus_four()
    {
        var before = ClinicTimes.ToUtc(new DateOnly(2027, 3, 8), new TimeOnly(9, 0), NewYork);
        var after = ClinicTimes.ToUtc(new DateOnly(2027, 3, 15), new TimeOnly(9, 0), NewYork);

        Assert.Equal(new DateTimeOffset(2027, 3, 8, 14, 0, 0, TimeSpan.Zero), before);
        Assert.Equal(new DateTimeOffset(2027, 3, 15, 13, 0, 0, TimeSpan.Zero), after);
        Assert.Equal(TimeSpan.FromHours(-5), ClinicTimes.ToClinic(before, NewYork).Offset);
        Assert.Equal(TimeSpan.FromHours(-4), ClinicTimes.ToClinic(after, NewYork).Offset);
        Assert.Equal(new TimeOnly(9, 0), ClinicTimes.TimeOf(after, NewYork));
    }

    [Fact]
    public void A_time_in_the_spring_gap_lands_just_after_the_change()
    {
        // 14 March 2027: clocks go from 02:00 EST to 03:00 EDT; 02:30 does not exist.
        var instant = ClinicTimes.ToUtc(new DateOnly(2027, 3, 14), new TimeOnly(2, 30), NewYork);

        Assert.Equal(new DateTimeOffset(2027, 3, 14, 7, 30, 0, TimeSpan.Zero), instant);
        Assert.Equal(new TimeOnly(3, 30), ClinicTimes.TimeOf(instant, NewYork));
    }

    [Fact]
    public void A_time_that_happens_twice_in_autumn_means_the_first_one()
    {
        // 7 November 2027: 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST).
        var instant = ClinicTimes.ToUtc(new DateOnly(2027, 11, 7), new TimeOnly(1, 30), NewYork);

        Assert.Equal(new DateTimeOffset(2027, 11, 7, 5, 30, 0, TimeSpan.Zero), instant);
    }

    [Fact]
    public void Describe_says_the_times_and_date_in_the_clinic_zone()
    {
        var start = ClinicTimes.ToUtc(new DateOnly(2027, 3, 1), new TimeOnly(9, 0), NewYork);

        Assert.Equal("09:00 to 12:00 on Mon 1 Mar 2027", ClinicTimes.Describe(start, start.AddHours(3), NewYork));
        Assert.Equal("Mon 1 Mar 2027, 09:00–12:00", ClinicTimes.Brief(start, start.AddHours(3), NewYork));
    }
}
