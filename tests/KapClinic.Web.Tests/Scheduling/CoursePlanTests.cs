using System.Globalization;
using System.Net;
using KapClinic.Core.Courses;
using KapClinic.Core.Scheduling;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using static KapClinic.Web.Tests.Scheduling.SchedulingSeed;

namespace KapClinic.Web.Tests.Scheduling;

public sealed class CoursePlanTests(SchedulingFixture fixture) : IClassFixture<SchedulingFixture>
{
    private static readonly DateOnly March1 = new(2027, 3, 1); // a Monday; US clocks change on Sunday 14 March 2027

    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task Proposing_an_iv_course_lists_preparation_then_six_doses_each_with_integration()
    {
        var (staff, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);
        var plan = await PlanAsync();

        var html = await ProposeAsync(staff, plan);

        Assert.Equal(13, Count(html, "data-testid=\"plan-item\""));
        Assert.Contains("Preparation 1 of 1", html, StringComparison.Ordinal);
        Assert.Contains("Dosing 6 of 6", html, StringComparison.Ordinal);
        Assert.Contains("Integration 6 of 6", html, StringComparison.Ordinal);
        Assert.Contains("Book all 13 sessions", html, StringComparison.Ordinal);
        Assert.Equal(13, Count(html, ">Free<"));
    }

    [Fact]
    public async Task The_whole_series_is_booked_at_once_linked_to_the_course_and_keeps_nine_oclock_across_the_clock_change()
    {
        var (staff, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);
        var plan = await PlanAsync();
        var fields = Fields(await ProposeAsync(staff, plan), plan);

        var response = await HtmlForms.PostAsync(staff, plan.Url, fields, $"{plan.Url}?handler=Book");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var booked = await AppointmentsOfAsync(App, plan.Patient);
        Assert.Equal(13, booked.Count);
        Assert.All(booked, a => Assert.Equal(plan.Course, a.CourseId));
        var doses = booked.Where(a => a.Type == AppointmentType.Dosing).ToList();
        Assert.All(doses, d => Assert.Equal(new TimeOnly(9, 0), ClinicTimes.TimeOf(d.StartsAt, Zone)));
        Assert.Equal(new DateTimeOffset(2027, 3, 11, 14, 0, 0, TimeSpan.Zero), doses.Single(d => ClinicTimes.DateOf(d.StartsAt, Zone) == new DateOnly(2027, 3, 11)).StartsAt);
        Assert.Equal(new DateTimeOffset(2027, 3, 15, 13, 0, 0, TimeSpan.Zero), doses.Single(d => ClinicTimes.DateOf(d.StartsAt, Zone) == new DateOnly(2027, 3, 15)).StartsAt);
        Assert.Equal(TimeSpan.FromHours(-5), ClinicTimes.ToClinic(doses[0].StartsAt, Zone).Offset);
        Assert.Equal(TimeSpan.FromHours(-4), ClinicTimes.ToClinic(doses[^1].StartsAt, Zone).Offset);
        Assert.Equal(13, await WithDbAsync(App, db => db.AuditEvents.CountAsync(e => e.PatientId == plan.Patient && e.Action == "Appointment.Created")));

        var again = WebUtility.HtmlDecode(await staff.GetStringAsync(plan.Url));
        Assert.Contains("Already booked (13)", again, StringComparison.Ordinal);
        Assert.Contains("Every session the protocol plans is booked.", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_weekly_nine_oclock_series_from_before_to_after_the_change_keeps_nine_oclock_local()
    {
        var (staff, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);
        var protocol = await WithDbAsync(App, async db =>
        {
            var p = new Protocol(Guid.NewGuid(), new ProtocolDefinition("Five weekly preparations", DrugKind.Ketamine, AdministrationRoute.Sublingual, DoseUnit.Mg, 100, 200, 5, 1, 0, 60, 15));
            db.Protocols.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        var plan = await PlanAsync(protocol);

        var response = await HtmlForms.PostAsync(staff, plan.Url, Fields(await ProposeAsync(staff, plan), plan), $"{plan.Url}?handler=Book");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var starts = (await AppointmentsOfAsync(App, plan.Patient)).Where(a => a.Type == AppointmentType.Preparation).Select(a => a.StartsAt).ToList();
        DateTimeOffset[] expected =
        [
            new(2027, 3, 1, 14, 0, 0, TimeSpan.Zero), new(2027, 3, 8, 14, 0, 0, TimeSpan.Zero), // EST, UTC-5
            new(2027, 3, 15, 13, 0, 0, TimeSpan.Zero), new(2027, 3, 22, 13, 0, 0, TimeSpan.Zero), new(2027, 3, 29, 13, 0, 0, TimeSpan.Zero), // EDT, UTC-4
        ];
        Assert.Equal(expected, starts);
    }

    [Fact]
    public async Task One_clashing_session_books_nothing_and_the_page_names_it_with_a_free_alternative()
    {
        var (staff, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);
        var plan = await PlanAsync(dosingRoomName: "Dosing room P");
        var fields = Fields(await ProposeAsync(staff, plan), plan);

        // Someone books the dosing room for another patient on the third dose's morning after the proposal was shown.
        await AppointmentAsync(App, await PatientAsync(App, "Other", "Patient"), await ClinicianAsync(App), plan.DosingRoom,
            At(new DateOnly(2027, 3, 11), 8), At(new DateOnly(2027, 3, 11), 10), AppointmentType.Dosing);
        var response = await HtmlForms.PostAsync(staff, plan.Url, fields, $"{plan.Url}?handler=Book");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await AppointmentsOfAsync(App, plan.Patient));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Nothing was booked: Dosing 3 of 6 clashes with other appointments.", html, StringComparison.Ordinal);
        Assert.Contains("Dosing room P is already booked from 08:00 to 10:00 on Thu 11 Mar 2027 (a dosing session).", html, StringComparison.Ordinal);
        Assert.Contains("Use Thu 11 Mar, 10:00", html, StringComparison.Ordinal);

        // The offered time is taken, then the whole plan books.
        var itemIndex = Index(html, "Dosing 3 of 6");
        var moved = await HtmlForms.PostAsync(staff, plan.Url, [.. fields, new("alternative", itemIndex.ToString(CultureInfo.InvariantCulture))], $"{plan.Url}?handler=UseAlternative");
        var adjusted = WebUtility.HtmlDecode(await moved.Content.ReadAsStringAsync());
        Assert.Equal(0, Count(adjusted, "Clash."));
        var booked = await HtmlForms.PostAsync(staff, plan.Url, Fields(adjusted, plan), $"{plan.Url}?handler=Book");
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        Assert.Equal(13, (await AppointmentsOfAsync(App, plan.Patient)).Count);
    }

    private sealed record Plan(Guid Patient, Guid Course, Guid Therapist, Guid Monitor, Guid DosingRoom, Guid TherapyRoom, string Url);

    private async Task<Plan> PlanAsync(Guid? protocol = null, string? dosingRoomName = null)
    {
        var patient = await PatientAsync(App, "Plan", "Patient");
        var course = await CourseAsync(App, patient, protocol, March1);
        var dosingRoom = await RoomAsync(App, dosingRoomName);
        return new Plan(patient, course, await ClinicianAsync(App, prescriber: true), await ClinicianAsync(App, prescriber: true), dosingRoom,
            await RoomAsync(App, kind: RoomKind.TherapyRoom), $"/Schedule/Plan/{course}");
    }

    private static async Task<string> ProposeAsync(HttpClient client, Plan plan)
    {
        var response = await HtmlForms.PostAsync(client, plan.Url,
        [
            new("Setup.StartDate", Iso(March1)), new("Setup.DosingDays", "Monday"), new("Setup.DosingDays", "Thursday"),
            new("Setup.PreparationTime", "09:00"), new("Setup.DosingTime", "09:00"), new("Setup.IntegrationTime", "09:00"),
            new("Setup.TherapistId", plan.Therapist.ToString()), new("Setup.MonitoringClinicianId", plan.Monitor.ToString()),
            new("Setup.PrescriberId", plan.Monitor.ToString()), new("Setup.DosingRoomId", plan.DosingRoom.ToString()),
            new("Setup.TherapyRoomId", plan.TherapyRoom.ToString()),
        ], $"{plan.Url}?handler=Propose");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The item fields the proposal rendered, as the browser would post them back.</summary>
    private static List<KeyValuePair<string, string>> Fields(string html, Plan plan)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var fields = document.QuerySelectorAll("input[name^='Items['], select[name^='Items[']")
            .Select(e => new KeyValuePair<string, string>(
                e.GetAttribute("name")!,
                e.LocalName == "select" ? e.QuerySelector("option[selected]")?.GetAttribute("value") ?? string.Empty : e.GetAttribute("value") ?? string.Empty))
            .ToList();
        Assert.NotEmpty(fields);
        return [.. fields, new("Setup.StartDate", Iso(March1)), new("Setup.TherapistId", plan.Therapist.ToString())];
    }

    private static int Index(string html, string label)
    {
        var labels = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelectorAll("tr[data-testid='plan-item'] th")
            .Select(th => th.TextContent).ToList();
        return labels.FindIndex(t => t.Contains(label, StringComparison.Ordinal));
    }

    private static int Count(string html, string text)
    {
        var count = 0;
        for (var i = html.IndexOf(text, StringComparison.Ordinal); i >= 0; i = html.IndexOf(text, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
