using System.Globalization;
using System.Net;
using KapClinic.Core.Scheduling;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using static KapClinic.Web.Tests.Scheduling.SchedulingSeed;

namespace KapClinic.Web.Tests.Scheduling;

public sealed class AppointmentStatusTests(SchedulingFixture fixture) : IClassFixture<SchedulingFixture>
{
    private static readonly DateOnly Today = new(2027, 2, 15);

    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task The_front_desk_checks_a_patient_in_then_starts_and_completes_the_appointment()
    {
        var (staff, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);
        var id = await AppointmentAsync(App, await PatientAsync(App), await ClinicianAsync(App), null, At(Today, 10), At(Today, 11));

        foreach (var (handler, status) in new[] { ("CheckIn", AppointmentStatus.CheckedIn), ("Start", AppointmentStatus.InProgress), ("Complete", AppointmentStatus.Completed) })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(staff, id, handler)).StatusCode);
            Assert.Equal(status, await StatusAsync(id));
        }

        var page = WebUtility.HtmlDecode(await staff.GetStringAsync($"/Schedule/Appointments/{id}"));
        Assert.Contains("data-testid=\"appointment-status\">Completed<", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Cancel appointment", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_no_show_waits_for_the_start_time_and_a_check_in_for_the_day()
    {
        var (staff, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);
        var later = await AppointmentAsync(App, await PatientAsync(App), await ClinicianAsync(App), null, At(Today, 15), At(Today, 16));
        var tomorrow = await AppointmentAsync(App, await PatientAsync(App), await ClinicianAsync(App), null, At(Today.AddDays(1), 9), At(Today.AddDays(1), 10));

        var early = await MoveAsync(staff, later, "NoShow");
        Assert.Contains("A no-show can be recorded only once the appointment's start time has passed.", WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var checkIn = await MoveAsync(staff, tomorrow, "CheckIn");
        Assert.Contains("the patient can be checked in on that day", WebUtility.HtmlDecode(await checkIn.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var past = await AppointmentAsync(App, await PatientAsync(App), await ClinicianAsync(App), null, At(Today, 7), At(Today, 8));
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(staff, past, "NoShow")).StatusCode);
        Assert.Equal(AppointmentStatus.NoShow, await StatusAsync(past));
    }

    [Fact]
    public async Task A_move_over_a_stale_version_is_refused()
    {
        var (staff, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);
        var id = await AppointmentAsync(App, await PatientAsync(App), await ClinicianAsync(App), null, At(Today, 12), At(Today, 13));
        var url = $"/Schedule/Appointments/{id}";

        var response = await HtmlForms.PostAsync(staff, url, [new("version", "1")], $"{url}?handler=CheckIn");

        Assert.Contains(AppointmentBooking.ConflictMessage, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(AppointmentStatus.Booked, await StatusAsync(id));
    }

    [Fact]
    public async Task An_archived_patients_appointment_cannot_be_given_a_new_time()
    {
        var (staff, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);
        var (clinician, room) = (await ClinicianAsync(App, "Dr Archive"), await RoomAsync(App));
        var patient = await PatientAsync(App, "Arch", "Ived");
        var id = await AppointmentAsync(App, patient, clinician, room, At(Today.AddDays(2), 9), At(Today.AddDays(2), 10));
        await WithDbAsync(App, async db =>
        {
            (await db.Patients.SingleAsync(p => p.Id == patient)).Archive(DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });

        var response = await RescheduleAsync(staff, id, "15:00", clinician, room);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This patient is archived", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var appointment = await WithDbAsync(App, db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal(At(Today.AddDays(2), 9), appointment.StartsAt);
    }

    [Fact]
    public async Task Rescheduling_moves_the_appointment_and_a_clash_is_explained()
    {
        var (staff, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);
        var (clinician, room) = (await ClinicianAsync(App, "Dr Move"), await RoomAsync(App));
        var id = await AppointmentAsync(App, await PatientAsync(App), clinician, room, At(Today.AddDays(2), 9), At(Today.AddDays(2), 10));
        await AppointmentAsync(App, await PatientAsync(App), clinician, null, At(Today.AddDays(2), 13), At(Today.AddDays(2), 14));
        var url = $"/Schedule/Appointments/{id}";

        var clash = await RescheduleAsync(staff, id, "13:30", clinician, room);
        Assert.Contains("Dr Move is already booked from 13:00 to 14:00 on Wed 17 Feb 2027", WebUtility.HtmlDecode(await clash.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var moved = await RescheduleAsync(staff, id, "15:00", clinician, room);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var appointment = await WithDbAsync(App, db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal((At(Today.AddDays(2), 15), At(Today.AddDays(2), 16)), (appointment.StartsAt, appointment.EndsAt)); // same length
        Assert.Contains(url, moved.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clinician_sees_their_own_appointment_read_only_and_not_others()
    {
        var (client, me) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var mine = await AppointmentAsync(App, await PatientAsync(App), me, null, At(Today, 16), At(Today, 17));
        var theirs = await AppointmentAsync(App, await PatientAsync(App), await ClinicianAsync(App), null, At(Today, 16), At(Today, 17));

        var page = await client.GetAsync($"/Schedule/Appointments/{mine}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Check in", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Reschedule", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Schedule/Appointments/{mine}/Reschedule")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Schedule/Appointments/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await MoveAsync(client, mine, "CheckIn")).StatusCode);
        Assert.Equal(1, await WithDbAsync(App, db => db.AuditEvents.CountAsync(e => e.EntityId == mine && e.Action == SchedulingAuditActions.AppointmentViewed)));
    }

    private async Task<HttpResponseMessage> MoveAsync(HttpClient client, Guid id, string handler)
    {
        var version = await WithDbAsync(App, db => db.Appointments.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());
        var url = $"/Schedule/Appointments/{id}";
        // The token from the dashboard (its sign-out form), so a clinician's refused post is refused by policy, not antiforgery.
        return await HtmlForms.PostAsync(client, "/", [new("version", version.ToString(CultureInfo.InvariantCulture))], $"{url}?handler={handler}");
    }

    private async Task<HttpResponseMessage> RescheduleAsync(HttpClient client, Guid id, string start, Guid clinician, Guid room)
    {
        var version = await WithDbAsync(App, db => db.Appointments.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());
        return await HtmlForms.PostAsync(client, $"/Schedule/Appointments/{id}/Reschedule",
        [
            new("Input.Date", Iso(Today.AddDays(2))), new("Input.StartTime", start), new("Input.ClinicianId", clinician.ToString()),
            new("Input.RoomId", room.ToString()), new("Input.Version", version.ToString(CultureInfo.InvariantCulture)),
        ]);
    }

    private async Task<AppointmentStatus> StatusAsync(Guid id) =>
        await WithDbAsync(App, db => db.Appointments.Where(a => a.Id == id).Select(a => a.Status).SingleAsync());
}
