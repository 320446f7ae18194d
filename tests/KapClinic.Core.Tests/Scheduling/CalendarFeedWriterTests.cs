using KapClinic.Core.Scheduling;

namespace KapClinic.Core.Tests.Scheduling;

public sealed class CalendarFeedWriterTests
{
    [Fact]
    public void Events_carry_the_appointment_id_utc_times_type_and_initials_and_the_room()
    {
        var id = Guid.NewGuid();
        var start = new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(-5));
        var feed = new CalendarFeedEvent(id, AppointmentType.Dosing, start, start.AddHours(3), PatientInitials.Of("Maya", "Nunez"), "Dosing room 1");

        var ics = CalendarFeedWriter.Write([feed], "KapClinic appointments", start);

        Assert.StartsWith("BEGIN:VCALENDAR", ics, StringComparison.Ordinal);
        Assert.Contains($"UID:{id}", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20261203T150000Z", ics, StringComparison.Ordinal);
        Assert.Contains("DTEND:20261203T180000Z", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Dosing · M.N.", ics, StringComparison.Ordinal);
        Assert.Contains("LOCATION:Dosing room 1", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("Nunez", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void Initials_use_the_first_letter_of_each_name()
    {
        Assert.Equal("M.N.", PatientInitials.Of("maya", " Núñez"));
        Assert.Equal("É.O.", PatientInitials.Of("Élodie", "O'Brien"));
    }
}
