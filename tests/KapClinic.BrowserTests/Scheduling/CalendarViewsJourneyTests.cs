using KapClinic.Core.Data;
using KapClinic.Core.Scheduling;
using KapClinic.Core.Settings;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KapClinic.BrowserTests.Scheduling;

/// <summary>The front desk reads a busy day (10 rooms, 20 clinicians), the week, the today board and the waitlist; a clinician reads their day and subscribes to it.</summary>
public sealed class CalendarViewsJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(ClinicSettings.DefaultTimeZoneId);

    [Fact]
    public async Task Staff_read_the_clinic_calendar_and_a_clinician_reads_their_day()
    {
        var staffEmail = $"desk-{Guid.NewGuid():N}@clinic.test";
        await TestUsers.CreateAsync(fixture.Factory, ClinicRoles.Staff, staffEmail, name: "Sam Front");
        var clinicianEmail = $"rivera-{Guid.NewGuid():N}@clinic.test";
        var rivera = await TestUsers.CreateAsync(fixture.Factory, ClinicRoles.Clinician, clinicianEmail, prescriber: true, name: "Dr. Ana Rivera");
        await SeedBusyDayAsync(rivera);

        var page = await SignInAsync(staffEmail);
        await page.GotoAsync("/Schedule");
        var grid = page.GetByTestId("day-grid");
        await Assertions.Expect(grid.GetByRole(AriaRole.Columnheader, new() { Name = "Infusion chair 2" })).ToBeVisibleAsync();
        await Assertions.Expect(grid.GetByRole(AriaRole.Rowheader, new() { Name = "09:00" })).ToBeVisibleAsync();
        await Assertions.Expect(grid.GetByRole(AriaRole.Link).Filter(new() { HasText = "Maya Ortega" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "schedule-01-day-by-room");

        await page.GetByRole(AriaRole.Link, new() { Name = "By clinician" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("day-grid").GetByRole(AriaRole.Columnheader, new() { Name = "Dr. Ana Rivera" })).ToBeVisibleAsync();
        await page.GetByTestId("day-grid").EvaluateAsync("t => t.parentElement.scrollLeft = 900");
        await BrowserFixture.ScreenshotAsync(page, "schedule-02-day-by-clinician-scrolled");

        await page.GetByLabel("Date").FillAsync("2027-03-14");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("dst-note")).ToContainTextAsync("23 hours");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Schedule" }).GetByRole(AriaRole.Link, new() { Name = "Week" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("week-grid")).ToContainTextAsync("Maya Ortega");
        await BrowserFixture.ScreenshotAsync(page, "schedule-03-week");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Schedule" }).GetByRole(AriaRole.Link, new() { Name = "Today" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("today-board")).ToContainTextAsync("Maya Ortega");
        await BrowserFixture.ScreenshotAsync(page, "schedule-04-today-board");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Schedule" }).GetByRole(AriaRole.Link, new() { Name = "Waitlist" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("waitlist")).ToContainTextAsync("Evenings preferred");
        await BrowserFixture.ScreenshotAsync(page, "schedule-05-waitlist");

        var clinician = await SignInAsync(clinicianEmail);
        await clinician.GotoAsync("/Schedule");
        await Assertions.Expect(clinician.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("My day");
        await Assertions.Expect(clinician.GetByTestId("my-day")).ToContainTextAsync("Maya Ortega");
        await Assertions.Expect(clinician.GetByRole(AriaRole.Link, new() { Name = "Book an appointment" })).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(clinician, "schedule-06-my-day");

        await clinician.GetByRole(AriaRole.Link, new() { Name = "Calendar feed" }).ClickAsync();
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Create my calendar feed" }).ClickAsync();
        await Assertions.Expect(clinician.GetByLabel("Your feed's address")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/calendar/[A-Za-z0-9_-]{43}\\.ics$"));
        await BrowserFixture.ScreenshotAsync(clinician, "schedule-07-feed-created");
    }

    private async Task<IPage> SignInAsync(string email)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        return page;
    }

    private async Task SeedBusyDayAsync(Guid rivera)
    {
        var clinicians = new List<Guid> { rivera };
        for (var i = 1; i < 20; i++)
        {
            clinicians.Add(await TestUsers.CreateAsync(fixture.Factory, ClinicRoles.Clinician, name: $"Clinician {i:00}"));
        }

        var names = new[] { ("Maya", "Ortega"), ("Liam", "Chen"), ("Ava", "Patel"), ("Noah", "Kim"), ("Zoe", "Garcia"), ("Eli", "Novak") };
        var patients = new List<Guid>();
        for (var i = 0; i < 24; i++)
        {
            var (first, last) = names[i % names.Length];
            patients.Add(await TestPatients.CreateAsync(fixture.Factory, TestPatients.Details(i < names.Length ? first : $"{first}{i}", last)));
        }

        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        var now = DateTimeOffset.UtcNow;
        var today = ClinicCalendar.Today(TimeProvider.System, Zone);
        var rooms = Enumerable.Range(1, 10).Select(i => new Room(i <= 6 ? $"Dosing room {i}" : i <= 8 ? $"Therapy room {i - 6}" : $"Infusion chair {i - 8}", RoomKind.DosingRoom, now)).ToList();
        db.Rooms.AddRange(rooms);
        var types = new[] { AppointmentType.Dosing, AppointmentType.Preparation, AppointmentType.Integration, AppointmentType.Consult };
        for (var i = 0; i < 24; i++)
        {
            var start = ClinicDayWindow.ToUtc(today, new TimeOnly(8 + (i / 10 * 3), i % 2 * 30), Zone);
            var type = types[i % types.Length];
            var length = type == AppointmentType.Dosing ? TimeSpan.FromHours(2.5) : TimeSpan.FromMinutes(type == AppointmentType.Consult ? 30 : 60);
            var appointment = new Appointment(patients[i], type, clinicians[i % 20], type == AppointmentType.Dosing ? clinicians[(i + 7) % 20] : null, rooms[i % 10].Id, start, start + length, null, rivera, now);
            if (i % 5 == 1)
            {
                appointment.CheckIn(start);
            }

            db.Appointments.Add(appointment);
        }

        db.WaitlistEntries.Add(new WaitlistEntry(patients[3], null, "Evenings preferred", rivera, now.AddDays(-6)));
        db.WaitlistEntries.Add(new WaitlistEntry(patients[4], null, null, rivera, now.AddDays(-2)));
        await db.SaveChangesAsync();
    }
}
