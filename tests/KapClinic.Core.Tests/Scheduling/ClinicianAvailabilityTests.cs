using KapClinic.Core.Scheduling;

namespace KapClinic.Core.Tests.Scheduling;

public sealed class ClinicianAvailabilityTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static readonly ClinicianAvailability Availability = new(
        "Dr A",
        [new HoursBlock(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(13, 0)), new HoursBlock(DayOfWeek.Monday, new TimeOnly(14, 0), new TimeOnly(17, 0))],
        [new TimeOffPeriod(new DateOnly(2027, 3, 15), new DateOnly(2027, 3, 19), "annual leave")]);

    private static string? Reason(int day, int fromHour, int toHour) => Availability.OutsideHoursReason(
        ClinicTimes.ToUtc(new DateOnly(2027, 3, day), new TimeOnly(fromHour, 0), NewYork),
        ClinicTimes.ToUtc(new DateOnly(2027, 3, day), new TimeOnly(toHour, 0), NewYork),
        NewYork);

    [Fact]
    public void Inside_one_block_is_within_hours() => Assert.Null(Reason(1, 9, 12));

    [Fact]
    public void Spanning_the_lunch_gap_is_outside_hours() =>
        Assert.Equal("12:00–15:00 is outside Dr A's hours on Mondays (09:00–13:00 and 14:00–17:00).", Reason(1, 12, 15));

    [Fact]
    public void A_day_without_hours_is_named() => Assert.Equal("Dr A does not work on Tuesdays.", Reason(2, 9, 10));

    [Fact]
    public void Time_off_is_named_with_its_reason() =>
        Assert.Equal("Dr A is on time off (annual leave) on Mon 15 Mar 2027.", Reason(15, 9, 10));
}
