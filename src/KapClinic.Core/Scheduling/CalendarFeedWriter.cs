using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace KapClinic.Core.Scheduling;

/// <summary>Writes a feed as iCalendar text (RFC 5545): times in UTC, the type and patient initials as the summary, the room as the location.</summary>
public static class CalendarFeedWriter
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(IEnumerable<CalendarFeedEvent> events, string calendarName, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(events);
        var calendar = new Calendar { ProductId = "-//KapClinic//Schedule//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        foreach (var e in events)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = e.AppointmentId.ToString(),
                DtStamp = Utc(stamp),
                DtStart = Utc(e.StartsAt),
                DtEnd = Utc(e.EndsAt),
                Summary = e.Summary,
                Location = e.RoomName,
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    private static CalDateTime Utc(DateTimeOffset instant) => new(instant.UtcDateTime);
}
