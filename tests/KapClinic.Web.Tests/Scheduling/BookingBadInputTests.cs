using System.Globalization;
using System.Net;
using KapClinic.Core.Patients;
using KapClinic.Core.Scheduling;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using static KapClinic.Web.Tests.Scheduling.SchedulingSeed;

namespace KapClinic.Web.Tests.Scheduling;

/// <summary>Each bad input gets a clear message beside its field, and nothing is written.</summary>
public sealed class BookingBadInputTests(SchedulingFixture fixture) : IClassFixture<SchedulingFixture>
{
    private const string NewUrl = "/Schedule/Appointments/New";
    private static readonly DateOnly Thursday = new(2027, 2, 18);

    private KapClinicAppFactory App => fixture.Factory;

    [Theory]
    [InlineData("11:00", "10:00", "The end time is before the start time. Appointments end on the day they start.")]
    [InlineData("10:00", "10:00", "The end time is the same as the start time: an appointment must last some time.")]
    [InlineData("07:00", "19:30", "An appointment can last at most 12 hours; check the start and end times.")]
    public async Task Impossible_times_are_refused_beside_the_end_time(string start, string end, string message)
    {
        var (patient, fields) = await FieldsAsync(start, end);

        var html = await PostAsync(ClinicRoles.Staff, fields);

        AssertBeside("end-error", message, html);
        Assert.Empty(await AppointmentsOfAsync(App, patient));
    }

    [Theory]
    [InlineData("2027-03-14", "02:30", "03:00", "that end time is not after the start")] // spring forward: 02:00-03:00 does not exist
    [InlineData("2027-11-07", "00:00", "12:00", "that is more than 12 hours")] // fall back: this is 13 real hours
    public async Task Times_that_only_look_valid_on_a_daylight_saving_day_are_refused_not_a_fault(string date, string start, string end, string message)
    {
        var (patient, fields) = await FieldsAsync(start, end, DateOnly.Parse(date, CultureInfo.InvariantCulture));
        fields.Add(new("Input.ConfirmOutsideHours", "true"));

        var html = await PostAsync(ClinicRoles.Admin, fields);

        AssertBeside("end-error", message, html);
        Assert.Empty(await AppointmentsOfAsync(App, patient));
    }

    [Fact]
    public async Task A_past_time_is_refused_for_staff_and_allowed_for_an_admin_who_confirms_a_back_entry()
    {
        var yesterday = new DateOnly(2027, 2, 12);
        var (patient, fields) = await FieldsAsync("10:00", "11:00", yesterday);

        AssertBeside("start-error", "Fri 12 Feb 2027, 10:00–11:00 is in the past. Choose a time from now on; only an Admin can enter a past appointment.", await PostAsync(ClinicRoles.Staff, fields));
        AssertBeside("Input_ConfirmPastTime-error", "is in the past. To enter it as a back-entry, tick \"This is a past appointment (back-entry)\" and book again.", await PostAsync(ClinicRoles.Admin, fields));
        Assert.Empty(await AppointmentsOfAsync(App, patient));

        var (admin, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await HtmlForms.PostAsync(admin, NewUrl, [.. fields, new("Input.ConfirmPastTime", "true")])).StatusCode);
        Assert.Single(await AppointmentsOfAsync(App, patient));
    }

    [Fact]
    public async Task An_unknown_room_is_refused()
    {
        var (patient, fields) = await FieldsAsync(room: Guid.NewGuid());

        AssertBeside("room-error", "That room does not exist; choose one from the list.", await PostAsync(ClinicRoles.Staff, fields));
        Assert.Empty(await AppointmentsOfAsync(App, patient));
    }

    [Fact]
    public async Task An_unknown_clinician_is_refused()
    {
        var (patient, fields) = await FieldsAsync(clinician: Guid.NewGuid());

        AssertBeside("clinician-error", "Choose a clinician from the list: the one chosen is not an active user with the Clinician role.", await PostAsync(ClinicRoles.Staff, fields));
        Assert.Empty(await AppointmentsOfAsync(App, patient));
    }

    [Fact]
    public async Task An_archived_patient_is_refused()
    {
        var (patient, fields) = await FieldsAsync();
        await WithDbAsync(App, async db =>
        {
            (await db.Patients.SingleAsync(p => p.Id == patient)).Archive(DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });

        AssertBeside("patient-error", "This patient is archived. An Admin must restore them before anything can be booked.", await PostAsync(ClinicRoles.Staff, fields));
        Assert.Empty(await AppointmentsOfAsync(App, patient));
    }

    [Fact]
    public async Task A_discharged_patient_is_refused()
    {
        var (patient, fields) = await FieldsAsync(status: PatientStatus.Discharged);

        AssertBeside("patient-error", "This patient is discharged. Re-admit them to the program before booking.", await PostAsync(ClinicRoles.Staff, fields));
        Assert.Empty(await AppointmentsOfAsync(App, patient));
    }

    [Fact]
    public async Task A_dosing_session_without_prescriber_or_room_is_refused()
    {
        var (patient, fields) = await FieldsAsync(type: AppointmentType.Dosing, room: Guid.Empty);

        var html = await PostAsync(ClinicRoles.Staff, fields);

        AssertBeside("prescriber-error", "A dosing session needs a prescriber on site: choose one.", html);
        AssertBeside("room-error", "A dosing session needs a dosing room or an infusion chair: choose one.", html);
        Assert.Empty(await AppointmentsOfAsync(App, patient));
    }

    [Fact]
    public async Task A_cancel_without_a_reason_is_refused_and_the_appointment_stays_booked()
    {
        var (staff, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);
        var id = await AppointmentAsync(App, await PatientAsync(App), await ClinicianAsync(App), null, At(Thursday, 10), At(Thursday, 11));
        var url = $"/Schedule/Appointments/{id}";
        var version = await WithDbAsync(App, db => db.Appointments.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());

        var response = await HtmlForms.PostAsync(staff, url, [new("Cancel.Reason", "   "), new("Cancel.Version", version.ToString(CultureInfo.InvariantCulture))], $"{url}?handler=Cancel");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertBeside("cancel-error", "Say why the appointment is cancelled", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(AppointmentStatus.Booked, await WithDbAsync(App, db => db.Appointments.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
    }

    private static void AssertBeside(string errorId, string message, string html)
    {
        var start = html.IndexOf($"id=\"{errorId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No element {errorId} on the page.");
        var element = html[start..Math.Min(html.Length, start + 600)];
        Assert.Contains(message, element[..(element.IndexOf("</span>", StringComparison.Ordinal) + 7)], StringComparison.Ordinal);
    }

    private async Task<string> PostAsync(string role, List<KeyValuePair<string, string>> fields)
    {
        var (client, _) = await TestUsers.SignedInAsync(App, role);
        var response = await HtmlForms.PostAsync(client, NewUrl, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private async Task<(Guid Patient, List<KeyValuePair<string, string>> Fields)> FieldsAsync(
        string start = "10:00", string? end = null, DateOnly? day = null, Guid? room = null, Guid? clinician = null,
        PatientStatus status = PatientStatus.Active, AppointmentType type = AppointmentType.Consult)
    {
        var patient = await PatientAsync(App, status: status);
        var roomId = room ?? await RoomAsync(App);
        var fields = BookingFields(patient, clinician ?? await ClinicianAsync(App), roomId == Guid.Empty ? null : roomId, day ?? Thursday, start, end, type);
        return (patient, fields);
    }
}
