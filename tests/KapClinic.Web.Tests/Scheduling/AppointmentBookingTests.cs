using System.Net;
using KapClinic.Core.Auditing;
using KapClinic.Core.Scheduling;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using static KapClinic.Web.Tests.Scheduling.SchedulingSeed;

namespace KapClinic.Web.Tests.Scheduling;

public sealed class AppointmentBookingTests(SchedulingFixture fixture) : IClassFixture<SchedulingFixture>
{
    private const string NewUrl = "/Schedule/Appointments/New";
    private static readonly DateOnly Tuesday = new(2027, 2, 16);

    private KapClinicAppFactory App => fixture.Factory;

    [Theory]
    [InlineData(ClinicRoles.Staff)]
    [InlineData(ClinicRoles.Admin)]
    public async Task Staff_and_admins_book_and_the_booking_is_audited(string role)
    {
        var (client, userId) = await TestUsers.SignedInAsync(App, role);
        var (patient, clinician, room) = (await PatientAsync(App), await ClinicianAsync(App, "Dr Audit"), await RoomAsync(App));

        var response = await HtmlForms.PostAsync(client, NewUrl, BookingFields(patient, clinician, room, Tuesday, "10:00"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var appointment = Assert.Single(await AppointmentsOfAsync(App, patient));
        Assert.Equal(At(Tuesday, 10), appointment.StartsAt);
        Assert.Equal(At(Tuesday, 10, 30), appointment.EndsAt); // a consult's usual 30 minutes
        Assert.Equal(userId, appointment.CreatedBy);
        var audit = await WithDbAsync(App, db => db.AuditEvents.AsNoTracking().SingleAsync(e => e.EntityId == appointment.Id && e.Action == "Appointment.Created"));
        Assert.Equal(userId, audit.UserId);
        Assert.Equal(patient, audit.PatientId);
        Assert.Equal(AuditOutcome.Success, audit.Outcome);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location!.ToString()));
        Assert.Contains("Tue 16 Feb 2027, 10:00–10:30", page, StringComparison.Ordinal);
        Assert.Contains("Dr Audit", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clinicians_get_403_on_booking_pages()
    {
        var (clinician, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician, prescriber: true);
        var course = await CourseAsync(App, await PatientAsync(App));

        foreach (var url in new[] { NewUrl, $"/Schedule/Plan/{course}", "/Schedule/Rooms", "/Schedule/Hours" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await clinician.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await clinician.PostAsync(url, new FormUrlEncodedContent([]))).StatusCode);
        }
    }

    [Fact]
    public async Task Back_to_back_appointments_are_both_allowed()
    {
        var (staff, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);
        var (clinician, room) = (await ClinicianAsync(App), await RoomAsync(App));
        var (first, second) = (await PatientAsync(App), await PatientAsync(App));

        Assert.Equal(HttpStatusCode.Redirect, (await HtmlForms.PostAsync(staff, NewUrl, BookingFields(first, clinician, room, Tuesday, "09:00", "10:00"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await HtmlForms.PostAsync(staff, NewUrl, BookingFields(second, clinician, room, Tuesday, "10:00", "11:00"))).StatusCode);
    }

    [Fact]
    public async Task A_cancelled_appointment_frees_its_slot()
    {
        var (staff, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);
        var (clinician, room) = (await ClinicianAsync(App), await RoomAsync(App));
        var first = await AppointmentAsync(App, await PatientAsync(App), clinician, room, At(Tuesday, 14), At(Tuesday, 15));
        var other = await PatientAsync(App);
        Assert.Equal(HttpStatusCode.OK, (await HtmlForms.PostAsync(staff, NewUrl, BookingFields(other, clinician, room, Tuesday, "14:00", "15:00"))).StatusCode);

        var detailsUrl = $"/Schedule/Appointments/{first}";
        var version = await WithDbAsync(App, db => db.Appointments.Where(a => a.Id == first).Select(a => a.Version).SingleAsync());
        var cancel = await HtmlForms.PostAsync(staff, detailsUrl, [new("Cancel.Reason", "Patient unwell"), new("Cancel.Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture))], $"{detailsUrl}?handler=Cancel");
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await HtmlForms.PostAsync(staff, NewUrl, BookingFields(other, clinician, room, Tuesday, "14:00", "15:00"))).StatusCode);
    }

    [Fact]
    public async Task A_clash_is_explained_and_the_next_free_slots_are_offered_within_the_clinicians_hours()
    {
        var (staff, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);
        var clinician = await ClinicianAsync(App, "Dr Mornings");
        await HoursAsync(App, clinician, new TimeOnly(9, 0), new TimeOnly(12, 0), DayOfWeek.Tuesday, DayOfWeek.Thursday);
        var room = await RoomAsync(App, "Therapy room Busy", RoomKind.TherapyRoom);
        await AppointmentAsync(App, await PatientAsync(App), clinician, room, At(Tuesday, 9), At(Tuesday, 11), AppointmentType.Preparation);

        var response = await HtmlForms.PostAsync(staff, NewUrl, BookingFields(await PatientAsync(App), clinician, room, Tuesday, "10:00", "11:00"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Dr Mornings is already booked from 09:00 to 11:00 on Tue 16 Feb 2027 (a preparation session with another patient).", html, StringComparison.Ordinal);
        Assert.Contains("Therapy room Busy is already booked from 09:00 to 11:00 on Tue 16 Feb 2027 (a preparation session).", html, StringComparison.Ordinal);
        string[] offered = ["Use Tue 16 Feb, 11:00–12:00", "Use Thu 18 Feb, 09:00–10:00", "Use Thu 18 Feb, 09:30–10:30", "Use Thu 18 Feb, 10:00–11:00", "Use Thu 18 Feb, 10:30–11:30"];
        Assert.All(offered, o => Assert.Contains(o, html, StringComparison.Ordinal));
        Assert.DoesNotContain("Use Wed", html, StringComparison.Ordinal); // not a working day of this clinician
    }

    [Fact]
    public async Task Outside_the_clinicians_hours_staff_are_refused_and_an_admin_must_tick_the_confirmation()
    {
        var clinician = await ClinicianAsync(App, "Dr Weekdays");
        await HoursAsync(App, clinician, new TimeOnly(9, 0), new TimeOnly(17, 0), DayOfWeek.Tuesday);
        var (patient, room) = (await PatientAsync(App), await RoomAsync(App));
        var fields = BookingFields(patient, clinician, room, Tuesday, "18:00", "19:00");
        var (staff, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);
        var (admin, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);

        var refused = WebUtility.HtmlDecode(await (await HtmlForms.PostAsync(staff, NewUrl, [.. fields, new("Input.ConfirmOutsideHours", "true")])).Content.ReadAsStringAsync());
        Assert.Contains("18:00–19:00 is outside Dr Weekdays's hours on Tuesdays (09:00–17:00). Choose a time inside their hours, or ask an Admin to book it.", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("Book outside working hours", refused, StringComparison.Ordinal);

        var asked = WebUtility.HtmlDecode(await (await HtmlForms.PostAsync(admin, NewUrl, fields)).Content.ReadAsStringAsync());
        Assert.Contains("To book it anyway, tick \"Book outside working hours\"", asked, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_ConfirmOutsideHours\"", asked, StringComparison.Ordinal);
        Assert.Empty(await AppointmentsOfAsync(App, patient));

        var confirmed = await HtmlForms.PostAsync(admin, NewUrl, [.. fields, new("Input.ConfirmOutsideHours", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Single(await AppointmentsOfAsync(App, patient));
    }

    [Fact]
    public async Task Time_off_counts_as_outside_hours()
    {
        var clinician = await ClinicianAsync(App, "Dr Away");
        await WithDbAsync(App, async db =>
        {
            db.TimeOff.Add(new TimeOff(clinician, Tuesday, Tuesday, "training", DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        var (staff, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);

        var response = await HtmlForms.PostAsync(staff, NewUrl, BookingFields(await PatientAsync(App), clinician, null, Tuesday, "10:00"));

        Assert.Contains("Dr Away is on time off (training) on Tue 16 Feb 2027.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dosing_session_takes_its_length_from_the_courses_protocol()
    {
        var (staff, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);
        var patient = await PatientAsync(App);
        var course = await CourseAsync(App, patient, Core.Courses.DefaultProtocols.EsketamineId);
        var (clinician, room) = (await ClinicianAsync(App), await RoomAsync(App));

        var response = await HtmlForms.PostAsync(staff, NewUrl, BookingFields(patient, clinician, room, Tuesday, "09:00", type: AppointmentType.Dosing, prescriberId: clinician, courseId: course));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var appointment = Assert.Single(await AppointmentsOfAsync(App, patient));
        Assert.Equal(TimeSpan.FromMinutes(180), appointment.Duration); // 120 min REMS monitoring + 60
        Assert.Equal(course, appointment.CourseId);
    }
}
