using System.Net;
using AngleSharp.Html.Parser;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using static KapClinic.Web.Tests.Scheduling.ScheduleSeed;

namespace KapClinic.Web.Tests.Scheduling;

public sealed class CalendarPagesTests(ScheduleFixture fixture) : IClassFixture<ScheduleFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Theory]
    [InlineData(ClinicRoles.Admin)]
    [InlineData(ClinicRoles.Staff)]
    [InlineData(ClinicRoles.Clinician)]
    public async Task Admins_staff_and_clinicians_can_view_the_calendar(string role)
    {
        var (client, _) = await TestUsers.SignedInAsync(App, role);

        foreach (var url in new[] { "/Schedule?by=room", "/Schedule?date=2026-12-02&by=clinician", "/Schedule/Week", "/Schedule/Week?date=2027-03-10&by=clinician", "/Schedule/Today", "/Schedule/MyDay" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} {url} -> {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_clinician_opening_the_schedule_lands_on_their_own_day_and_staff_on_the_clinic_day()
    {
        var (clinician, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var (staff, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);

        var toMyDay = await clinician.GetAsync("/Schedule");
        Assert.Equal(HttpStatusCode.Redirect, toMyDay.StatusCode);
        Assert.Equal("/Schedule/MyDay", toMyDay.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/Schedule")).StatusCode);
    }

    [Fact]
    public async Task The_day_grid_is_an_accessible_table_with_the_appointment_linked_in_its_start_row_on_a_23_hour_day()
    {
        var day = new DateOnly(2027, 3, 14);
        var room = await RoomAsync(App, "Grid room");
        var id = await AppointmentAsync(App, await PatientAsync(App, "Grid", "Patient"), await ClinicianAsync(App, "Dr Grid"), room, At(day, 9), TimeSpan.FromHours(2));
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);

        var html = await client.GetStringAsync("/Schedule?date=2027-03-14&by=room");

        var document = new HtmlParser().ParseDocument(html);
        var grid = document.QuerySelector("[data-testid=day-grid]")!;
        Assert.Contains("Grid room", grid.QuerySelectorAll("thead th[scope=col]").Select(th => th.TextContent.Trim()));
        Assert.Equal(26, grid.QuerySelectorAll("tbody th[scope=row]").Length);
        var link = grid.QuerySelector($"a[href='/Schedule/Appointments/{id}']")!;
        Assert.Contains("Grid Patient", link.TextContent, StringComparison.Ordinal);
        var row = link.Closest("tr")!;
        Assert.StartsWith("09:00", row.QuerySelector("th[scope=row]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("4", link.Closest("td")!.GetAttribute("rowspan"));
        Assert.Contains("23 hours", document.QuerySelector("[data-testid=dst-note]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_day_page_sends_the_same_number_of_sql_commands_for_1_and_for_20_clinicians()
    {
        var day = new DateOnly(2026, 12, 14);
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);
        var url = $"/Schedule?date={ScheduleDates(day)}&by=clinician";
        await AppointmentAsync(App, await PatientAsync(App, "One", "Page"), await ClinicianAsync(App, "Dr Page 0"), null, At(day, 9), TimeSpan.FromHours(1));
        await CountAsync(client, url); // warm up: the session check and the settings are cached after their first read
        var few = await CountAsync(client, url);

        for (var i = 1; i < 20; i++)
        {
            await AppointmentAsync(App, await PatientAsync(App, $"P{i}", "Page"), await ClinicianAsync(App, $"Dr Page {i}"), null, At(day, 9), TimeSpan.FromHours(1));
        }

        var many = await CountAsync(client, url);

        Assert.Equal(few, many);
        Assert.Equal(20, new HtmlParser().ParseDocument(await client.GetStringAsync(url)).QuerySelectorAll("a[data-appointment]").Length);
    }

    [Fact]
    public async Task The_today_board_highlights_a_late_arrival()
    {
        var day = ScheduleFixture.Today;
        await AppointmentAsync(App, await PatientAsync(App, "Tardy", "Arrival"), await ClinicianAsync(App, "Dr Tardy"), await RoomAsync(App, "Tardy room"), At(day, 9, 30), TimeSpan.FromHours(1));
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);

        var document = new HtmlParser().ParseDocument(await client.GetStringAsync("/Schedule/Today"));

        var row = document.QuerySelectorAll("[data-testid=today-board] tbody tr").Single(r => r.TextContent.Contains("Tardy Arrival", StringComparison.Ordinal));
        Assert.Contains("schedule-late", row.ClassList);
        Assert.Equal("Late · 30 min", row.QuerySelector("[data-testid=late]")!.TextContent.Trim());
        Assert.Contains("Tardy room", row.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ClinicRoles.Staff, true)]
    [InlineData(ClinicRoles.Admin, true)]
    [InlineData(ClinicRoles.Clinician, false)]
    public async Task My_day_offers_booking_only_to_admins_and_staff(string role, bool offered)
    {
        var (client, _) = await TestUsers.SignedInAsync(App, role);

        var html = await client.GetStringAsync("/Schedule/MyDay");

        Assert.Equal(offered, html.Contains("href=\"/Schedule/Appointments/New\">Book an appointment</a>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task My_day_shows_the_signed_in_clinicians_appointments_and_not_others()
    {
        var day = new DateOnly(2026, 12, 15);
        var (client, me) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var mine = await AppointmentAsync(App, await PatientAsync(App, "Mine", "Today"), me, null, At(day, 10), TimeSpan.FromHours(1));
        var theirs = await AppointmentAsync(App, await PatientAsync(App, "Theirs", "Today"), await ClinicianAsync(App, "Dr Theirs"), null, At(day, 10), TimeSpan.FromHours(1));

        var html = await client.GetStringAsync("/Schedule/MyDay?date=2026-12-15");

        Assert.Contains($"/Schedule/Appointments/{mine}", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Schedule/Appointments/{theirs}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_the_clinic_day_view_a_clinician_sees_their_own_patients_by_name_and_others_by_initials_only()
    {
        var day = new DateOnly(2026, 12, 16);
        var (client, me) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        await AppointmentAsync(App, await PatientAsync(App, "Wilhelmina", "Ownpatient"), me, null, At(day, 9), TimeSpan.FromHours(1));
        await AppointmentAsync(App, await PatientAsync(App, "Bartholomew", "Elsewhere"), await ClinicianAsync(App, "Dr Other"), null, At(day, 11), TimeSpan.FromHours(1));
        var (staff, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);

        var clinicianView = await client.GetStringAsync("/Schedule?date=2026-12-16&by=clinician");
        var staffView = await staff.GetStringAsync("/Schedule?date=2026-12-16&by=clinician");

        Assert.Contains("Ownpatient", clinicianView, StringComparison.Ordinal);
        Assert.DoesNotContain("Elsewhere", clinicianView, StringComparison.Ordinal);
        Assert.Contains("B.E.", clinicianView, StringComparison.Ordinal);
        Assert.Contains("Elsewhere", staffView, StringComparison.Ordinal);
    }

    private static string ScheduleDates(DateOnly day) => KapClinic.Web.Pages.Schedule.ScheduleDates.Iso(day);

    private async Task<int> CountAsync(HttpClient client, string url)
    {
        fixture.Counter.Reset();
        (await client.GetAsync(url)).EnsureSuccessStatusCode();
        return fixture.Counter.Commands.Count;
    }
}
