using System.Globalization;
using System.Net;
using KapClinic.Core.Courses;
using KapClinic.Core.Notes;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Patients;
using KapClinic.Web.Tests.Preparation;
using KapClinic.Web.Tests.Support;

namespace KapClinic.Web.Tests.Dosing;

public sealed class DosingStartPagesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task A_nurse_starts_a_session_with_the_prescriber_on_site_and_goes_to_the_checklist()
    {
        var (patientId, courseId) = await DosingPagesData.ReadyCourseAsync(App);
        var (_, prescriberId) = await ClinicalUsers.SignedInClinicianAsync(App, "Dr. Camila Núñez", "MD", prescriber: true);
        var (nurse, nurseId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var url = $"/Patients/{patientId}/Courses/{courseId}/Dosing/New";
        var startedAt = (await DosingPagesData.ClinicNowAsync(App)).AddMinutes(-5);

        var page = await ChartTestData.GetDocumentAsync(nurse, url);
        Assert.Contains("The course is ready to dose.", page.QuerySelector("[data-testid=start-readiness]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("#Input_PrescriberId option"), o => o.TextContent == "Dr. Camila Núñez, MD");

        var response = await HtmlForms.PostAsync(nurse, url, [
            new("Input.PrescriberId", prescriberId.ToString()),
            new("Input.StartedAt", startedAt.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)),
            new("Input.AppointmentId", string.Empty)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Matches($"^/Patients/{patientId}/Dosing/[0-9a-f-]{{36}}/Checklist$", location);
        var session = await DosingPagesData.LoadAsync(App, Guid.Parse(location.Split('/')[^2]));
        Assert.Equal((nurseId, prescriberId, NoteStatus.Draft, courseId), (session.MonitoringClinicianId, session.PrescriberId, session.Status, session.CourseId));
        Assert.Equal(AdministrationRoute.Intravenous, session.Route);
    }

    [Fact]
    public async Task The_start_form_defaults_to_the_signed_in_prescriber_and_requires_a_start_time()
    {
        var (patientId, courseId) = await DosingPagesData.ReadyCourseAsync(App);
        await TestUsers.CreateAsync(App, ClinicRoles.Clinician, prescriber: true, name: "Aaron Another");
        var (client, prescriberId) = await ClinicalUsers.SignedInClinicianAsync(App, "Zoe Zimmer", "NP", prescriber: true);
        var url = $"/Patients/{patientId}/Courses/{courseId}/Dosing/New";

        var page = await ChartTestData.GetDocumentAsync(client, url);
        Assert.Equal(prescriberId.ToString(), page.QuerySelector("#Input_PrescriberId option[selected]")!.GetAttribute("value"));

        var response = await HtmlForms.PostAsync(client, url, [new("Input.PrescriberId", prescriberId.ToString()), new("Input.StartedAt", string.Empty)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await ChartTestData.ParseAsync(response);
        Assert.Equal("Enter when the session started.", document.QuerySelector("#started-error")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_start_form_warns_early_when_the_course_is_not_ready_to_dose()
    {
        var patientId = await KapClinic.TestSupport.TestPatients.CreateAsync(App);
        var courseId = await PreparationData.CourseAsync(App, patientId, DefaultProtocols.IvKetamineId);
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);

        var page = await ChartTestData.GetDocumentAsync(client, $"/Patients/{patientId}/Courses/{courseId}/Dosing/New");

        var box = page.QuerySelector("[data-testid=start-readiness]")!;
        Assert.Contains("alert-warning", box.ClassName, StringComparison.Ordinal);
        Assert.Contains("No intake screening is recorded.", box.TextContent, StringComparison.Ordinal);
        Assert.Contains("There is no current KAP treatment consent.", box.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_course_page_offers_to_start_a_dosing_session()
    {
        var (patientId, courseId) = await DosingPagesData.ReadyCourseAsync(App);
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);

        var page = await ChartTestData.GetDocumentAsync(client, $"/Patients/{patientId}/Courses/{courseId}");

        var link = Assert.Single(page.QuerySelectorAll("a"), a => a.TextContent == "Start dosing session");
        Assert.Equal($"/Patients/{patientId}/Courses/{courseId}/Dosing/New", link.GetAttribute("href"));
    }

    [Fact]
    public async Task Front_desk_staff_get_403_on_the_start_checklist_and_dose_pages()
    {
        var (patientId, courseId) = await DosingPagesData.ReadyCourseAsync(App);
        var prescriberId = await TestUsers.CreateAsync(App, ClinicRoles.Clinician, prescriber: true);
        var sessionId = await DosingPagesData.SessionAsync(App, patientId, courseId, prescriberId, prescriberId);
        var (staff, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);

        foreach (var url in new[]
        {
            $"/Patients/{patientId}/Courses/{courseId}/Dosing/New",
            $"/Patients/{patientId}/Dosing/{sessionId}/Checklist",
            $"/Patients/{patientId}/Dosing/{sessionId}/Dose",
        })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync(url, new FormUrlEncodedContent([]))).StatusCode);
        }
    }
}
