using System.Globalization;

namespace KapClinic.Core.Scheduling;

/// <summary>
/// The clinic's wall-clock time and UTC instants. Times are entered as wall-clock (09:00 on a date) and converted per
/// occurrence with the clinic's zone, so a weekly 09:00 stays 09:00 across a daylight-saving change.
/// </summary>
public static class ClinicTimes
{
    private static readonly CultureInfo Display = CultureInfo.GetCultureInfo("en-US");

    /// <summary>
    /// The instant a wall-clock time on a date names. A time inside a spring-forward gap (02:30 when clocks jump from
    /// 02:00 to 03:00) is read with the offset before the gap, so it lands just after the change (03:30). A time that
    /// happens twice (autumn) means its first occurrence, while daylight time still applies.
    /// </summary>
    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
        {
            var before = local;
            while (zone.IsInvalidTime(before))
            {
                before = before.AddMinutes(-15);
            }

            offset = zone.GetUtcOffset(before);
        }
        else if (zone.IsAmbiguousTime(local))
        {
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }

        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    public static DateTimeOffset ToUtc(DateTime wallClock, TimeZoneInfo zone) =>
        ToUtc(DateOnly.FromDateTime(wallClock), TimeOnly.FromDateTime(wallClock), zone);

    /// <summary>The instant as the clinic's clocks show it (with the offset in force then).</summary>
    public static DateTimeOffset ToClinic(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);

    public static DateOnly DateOf(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(ToClinic(instant, zone).DateTime);

    public static TimeOnly TimeOf(DateTimeOffset instant, TimeZoneInfo zone) => TimeOnly.FromDateTime(ToClinic(instant, zone).DateTime);

    public static string FormatDate(DateOnly date) => date.ToString("ddd d MMM yyyy", Display);

    public static string FormatTime(TimeOnly time) => time.ToString("HH:mm", Display);

    /// <summary>"09:00 to 12:00 on Mon 1 Mar 2027", in the clinic's time.</summary>
    public static string Describe(DateTimeOffset startsAt, DateTimeOffset endsAt, TimeZoneInfo zone)
    {
        var start = ToClinic(startsAt, zone);
        var end = ToClinic(endsAt, zone);
        var endText = DateOnly.FromDateTime(end.DateTime) == DateOnly.FromDateTime(start.DateTime)
            ? end.ToString("HH:mm", Display)
            : end.ToString("HH:mm 'on' ddd d MMM", Display);
        return $"{start.ToString("HH:mm", Display)} to {endText} on {start.ToString("ddd d MMM yyyy", Display)}";
    }

    /// <summary>"Mon 1 Mar 2027, 09:00–12:00", in the clinic's time.</summary>
    public static string Brief(DateTimeOffset startsAt, DateTimeOffset endsAt, TimeZoneInfo zone)
    {
        var start = ToClinic(startsAt, zone);
        var end = ToClinic(endsAt, zone);
        return $"{start.ToString("ddd d MMM yyyy, HH:mm", Display)}–{end.ToString("HH:mm", Display)}";
    }
}
