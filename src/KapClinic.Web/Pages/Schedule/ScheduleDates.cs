using KapClinic.Core.Scheduling;

namespace KapClinic.Web.Pages.Schedule;

/// <summary>The date and grouping a schedule page shows, from its query string.</summary>
public static class ScheduleDates
{
    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly DateOnly Latest = new(2100, 12, 31);

    /// <summary>The asked-for day, or today when none (or an absurd one) was asked for.</summary>
    public static DateOnly DayOrToday(DateOnly? day, DateOnly today) => day is { } d && d >= Earliest && d <= Latest ? d : today;

    /// <summary>The Monday of the week holding <paramref name="day"/>.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static CalendarGrouping Grouping(string? by) =>
        string.Equals(by, "clinician", StringComparison.OrdinalIgnoreCase) ? CalendarGrouping.ByClinician : CalendarGrouping.ByRoom;

    public static string By(CalendarGrouping grouping) => grouping == CalendarGrouping.ByClinician ? "clinician" : "room";

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
