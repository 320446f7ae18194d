namespace KapClinic.Soak;

/// <summary>
/// Hands out appointment times no other booking of the run uses (30 minutes each, 07:00-19:00 on weekdays, from four
/// months ahead, clear of the demo calendar), so every booking the load makes is valid and clashes with nothing.
/// </summary>
public sealed class SlotAllocator(DateOnly today)
{
    public const int SlotsPerDay = 24;
    private static readonly TimeOnly FirstStart = new(7, 0);
    private readonly DateOnly firstDay = today.AddDays(120);
    private int next = -1;

    public (DateOnly Date, TimeOnly Start, TimeOnly End) Next()
    {
        var n = Interlocked.Increment(ref next);
        var day = NextWeekday(firstDay);
        for (var k = 0; k < n / SlotsPerDay; k++)
        {
            day = NextWeekday(day.AddDays(1));
        }

        var start = FirstStart.AddMinutes(30 * (n % SlotsPerDay));
        return (day, start, start.AddMinutes(30));
    }

    private static DateOnly NextWeekday(DateOnly day)
    {
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        return day;
    }
}
