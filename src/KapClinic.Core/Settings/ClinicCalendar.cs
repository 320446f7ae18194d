namespace KapClinic.Core.Settings;

/// <summary>Calendar dates in the clinic's time zone: "today" for ages, expiry and "not in the future" checks.</summary>
public static class ClinicCalendar
{
    public static DateOnly Today(TimeProvider clock, TimeZoneInfo zone) => DateOf(clock.GetUtcNow(), zone);

    public static DateOnly DateOf(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>Today in the clinic's time zone, reading the setting.</summary>
    public static async Task<DateOnly> TodayAsync(this ClinicSettingsService settings, TimeProvider clock, CancellationToken cancellationToken = default) =>
        Today(clock, (await settings.GetAsync(cancellationToken)).TimeZone);
}
