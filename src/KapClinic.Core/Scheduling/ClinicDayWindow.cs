namespace KapClinic.Core.Scheduling;

/// <summary>
/// One calendar day in the clinic's time zone as UTC instants: from local midnight to the next local midnight.
/// A daylight-saving change day is 23 or 25 hours long, so a day is never "24 hours from midnight".
/// </summary>
public readonly record struct ClinicDayWindow(DateOnly Day, DateTimeOffset Start, DateTimeOffset End)
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateOnly Latest = new(2200, 12, 31);

    public TimeSpan Length => End - Start;

    public static ClinicDayWindow For(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (day < Earliest || day > Latest)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, "Calendar days must be between 1900 and 2200.");
        }

        return new(day, ToUtc(day, TimeOnly.MinValue, zone), ToUtc(day.AddDays(1), TimeOnly.MinValue, zone));
    }

    /// <summary>
    /// The instant of a wall-clock time in the zone. A time the clocks skip (spring forward) moves on by the gap,
    /// so the start of a gap is the moment of the change; a time that happens twice (fall back) is the first one.
    /// </summary>
    public static DateTimeOffset ToUtc(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsAmbiguousTime(local))
        {
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else if (zone.IsInvalidTime(local))
        {
            offset = OffsetBeforeGap(local, zone);
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }

        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    public bool Contains(DateTimeOffset instant) => Start <= instant && instant < End;

    /// <summary>
    /// Rows of <paramref name="step"/> from <paramref name="from"/> to <paramref name="to"/>, stepping through real
    /// time: a skipped hour has no rows, a repeated hour has its rows twice (each labelled with its own offset).
    /// </summary>
    public IReadOnlyList<CalendarSlot> Slots(DateTimeOffset from, DateTimeOffset to, TimeSpan step, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (step <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "A slot must be longer than zero.");
        }

        from = from < Start ? Start : from;
        to = to > End ? End : to;
        var slots = new List<CalendarSlot>();
        DateTimeOffset? previousLocal = null;
        for (var at = from; at < to; at += step)
        {
            var end = at + step > to ? to : at + step;
            var local = TimeZoneInfo.ConvertTime(at, zone);
            var repeated = previousLocal is { } prev && local.DateTime <= prev.DateTime;
            slots.Add(new CalendarSlot(at, end, local, repeated));
            previousLocal = local;
        }

        return slots;
    }

    /// <summary>The instant at the start of the local hour that holds <paramref name="instant"/>.</summary>
    public static DateTimeOffset FloorToLocalHour(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return instant - new TimeSpan(0, 0, local.Minute, local.Second, local.Millisecond, local.Microsecond);
    }

    /// <summary>The instant at the start of the next local hour, unless <paramref name="instant"/> is already on one.</summary>
    public static DateTimeOffset CeilingToLocalHour(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var floor = FloorToLocalHour(instant, zone);
        return floor == instant ? instant : floor + TimeSpan.FromHours(1);
    }

    private static TimeSpan OffsetBeforeGap(DateTime local, TimeZoneInfo zone)
    {
        var probe = local;
        for (var i = 0; i < 48 && zone.IsInvalidTime(probe); i++)
        {
            probe = probe.AddHours(-1);
        }

        return zone.GetUtcOffset(probe);
    }
}
