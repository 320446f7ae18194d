using System.Net;
using KapClinic.Core.Data;
using KapClinic.Core.Scheduling;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static KapClinic.Web.Tests.Patients.ChartTestData;
using static KapClinic.Web.Tests.Scheduling.SchedulingSeed;

namespace KapClinic.Web.Tests.Dosing;

/// <summary>A dosing appointment of a course leads a clinician to its dosing session: "Start dosing session", then "Open dosing session".</summary>
public sealed class DosingCheckInTests(DosingRecordsFixture fixture) : IClassFixture<DosingRecordsFixture>
{
    private static readonly DateTimeOffset Now = DosingRecordsFixture.Now;

    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task Checking_in_as_a_clinician_goes_to_start_the_session_and_once_started_the_appointment_opens_it()
    {
        var deskClinician = await SignedInAsync(staff: true, clinician: true);
        var (staff, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);
        var (nurse, nurseId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var seed = await DosedSessionSeed.CreateAsync(App, nurseId);
        var (patientId, courseId) = await DosedSessionSeed.PatientWithCourseAsync(App, "Cora", "Checkin");
        var appointment = await AppointmentAsync(patientId, courseId, nurseId, seed.PrescriberId, Now.AddMinutes(-5));
        var other = await AppointmentAsync(patientId, courseId, nurseId, seed.PrescriberId, Now.AddHours(3));
        var detailsUrl = $"/Schedule/Appointments/{appointment}";
        var startUrl = $"/Patients/{patientId}/Courses/{courseId}/Dosing/New?appointmentId={appointment}";

        var checkedIn = await HtmlForms.PostAsync(deskClinician, detailsUrl, [new("version", await VersionAsync(appointment))], $"{detailsUrl}?handler=CheckIn");
        var byStaff = await HtmlForms.PostAsync(staff, $"/Schedule/Appointments/{other}", [new("version", await VersionAsync(other))], $"/Schedule/Appointments/{other}?handler=CheckIn");

        Assert.Equal(HttpStatusCode.Redirect, checkedIn.StatusCode);
        Assert.Equal(startUrl, checkedIn.Headers.Location!.ToString());
        Assert.Equal($"/Schedule/Appointments/{other}", byStaff.Headers.Location!.ToString());
        Assert.Null((await GetDocumentAsync(staff, detailsUrl)).QuerySelector("[data-testid=dosing-link]"));
        var forNurse = await GetDocumentAsync(nurse, detailsUrl);
        var start = forNurse.QuerySelector("[data-testid=dosing-link] a")!;
        Assert.Equal(("Start dosing session", startUrl), (start.TextContent.Trim(), start.GetAttribute("href")));

        var sessionId = await seed.StartAsync(patientId, courseId, Now, appointment);
        var started = await GetDocumentAsync(nurse, detailsUrl);

        var open = started.QuerySelector("[data-testid=dosing-link] a")!;
        Assert.Equal(("Open dosing session", $"/Patients/{patientId}/Dosing/{sessionId}"), (open.TextContent.Trim(), open.GetAttribute("href")));
        Assert.Equal(AppointmentStatus.CheckedIn, await WithDbAsync(App, db => db.Appointments.Where(a => a.Id == appointment).Select(a => a.Status).SingleAsync()));
    }

    private async Task<HttpClient> SignedInAsync(bool staff, bool clinician)
    {
        var email = $"desk-{Guid.NewGuid():N}@clinic.test";
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(new NewUserInput
            {
                Email = email, DisplayName = "Desk Clinician", Password = TestUsers.Password, IsStaff = staff, IsClinician = clinician,
            });
        }

        var client = TestUsers.NewClient(App);
        Assert.Equal(HttpStatusCode.Redirect, (await TestUsers.PostSignInAsync(client, email, TestUsers.Password)).StatusCode);
        return client;
    }

    private async Task<Guid> AppointmentAsync(Guid patientId, Guid courseId, Guid clinicianId, Guid prescriberId, DateTimeOffset start)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        var appointment = new Appointment(patientId, AppointmentType.Dosing, clinicianId, prescriberId, null, start, start.AddHours(2), courseId, clinicianId, Now.AddDays(-3));
        db.Appointments.Add(appointment);
        await db.SaveChangesAsync();
        return appointment.Id;
    }

    private async Task<string> VersionAsync(Guid appointmentId) =>
        (await WithDbAsync(App, db => db.Appointments.Where(a => a.Id == appointmentId).Select(a => a.Version).SingleAsync())).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
