namespace KapClinic.Core.Inventory.Records;

/// <summary>
/// Whole days in the clinic's time zone, <see cref="From"/> to <see cref="To"/> inclusive, and the UTC instants they
/// span: [start of From, start of the day after To). A day that starts in a daylight-saving gap starts at its first
/// valid minute.
/// </summary>
public sealed record RecordsPeriod(DateOnly From, DateOnly To)
{
    public DateTimeOffset StartUtc(TimeZoneInfo zone) => StartOfDayUtc(From, zone);

    public DateTimeOffset EndUtc(TimeZoneInfo zone) => StartOfDayUtc(To.AddDays(1), zone);

    public static DateTimeOffset StartOfDayUtc(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}
