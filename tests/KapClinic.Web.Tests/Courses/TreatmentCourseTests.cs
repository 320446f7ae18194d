using System.Globalization;
using System.Net;
using KapClinic.Core.Common;
using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Patients;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Courses;

public sealed class TreatmentCourseTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly string Today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task A_clinician_starts_a_planned_course_and_sees_its_protocol_and_progress()
    {
        var (clinician, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var patientId = await PatientSeed.CreateAsync(App, status: PatientStatus.Eligible);
        var form = WebUtility.HtmlDecode(await clinician.GetStringAsync(NewUrl(patientId)));
        Assert.Contains("Esketamine (Spravato) induction — Esketamine, intranasal, 56–84 mg; 1 preparation · 8 dosing · 4 integration", form, StringComparison.Ordinal);

        var response = await StartAsync(clinician, patientId, DefaultProtocols.IvKetamineId);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = WebUtility.HtmlDecode(await clinician.GetStringAsync(response.Headers.Location!.ToString()));
        Assert.Contains("data-testid=\"course-status\">Planned<", html, StringComparison.Ordinal);
        Assert.Contains("Progress: 0 of 13 sessions", html, StringComparison.Ordinal);
        Assert.Contains("0.5–1 mg/kg", html, StringComparison.Ordinal);
        Assert.Contains("Activate course", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_course_is_refused_while_one_is_active()
    {
        var (clinician, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var patientId = await PatientSeed.CreateAsync(App, status: PatientStatus.Active);
        var courseId = await StartWithServiceAsync(patientId, DefaultProtocols.SublingualKapId);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var courses = scope.ServiceProvider.GetRequiredService<TreatmentCourseService>();
            await courses.ActivateAsync(courseId, (await courses.GetAsync(courseId)).Version);
        }

        Assert.Contains("This patient already has a course that is active", await clinician.GetStringAsync(NewUrl(patientId)), StringComparison.Ordinal);
        var response = await StartAsync(clinician, patientId, DefaultProtocols.ImKapId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This patient already has a planned or active course.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await CourseCountAsync(patientId));
    }

    [Fact]
    public async Task The_database_allows_one_open_course_per_patient_even_when_the_service_is_bypassed()
    {
        var patientId = await PatientSeed.CreateAsync(App);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        var start = DateOnly.FromDateTime(DateTime.UtcNow);
        db.TreatmentCourses.Add(new TreatmentCourse(patientId, DefaultProtocols.IvKetamineId, start, Guid.NewGuid(), DateTimeOffset.UtcNow));
        db.TreatmentCourses.Add(new TreatmentCourse(patientId, DefaultProtocols.ImKapId, start, Guid.NewGuid(), DateTimeOffset.UtcNow));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Stopping_a_course_requires_a_reason_and_keeps_it()
    {
        var (clinician, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var patientId = await PatientSeed.CreateAsync(App);
        var courseId = await StartWithServiceAsync(patientId, DefaultProtocols.IvKetamineId);
        var url = CourseUrl(patientId, courseId);
        var version = await VersionOfAsync(courseId);

        var refused = await HtmlForms.PostAsync(clinician, url, [new("Stop.Reason", "  "), new("Stop.Version", version)], $"{url}?handler=Stop");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Say why the course is stopped", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(CourseStatus.Planned, await StatusOfAsync(courseId));

        var stopped = await HtmlForms.PostAsync(clinician, url, [new("Stop.Reason", "Patient moved away"), new("Stop.Version", version)], $"{url}?handler=Stop");

        Assert.Equal(HttpStatusCode.Redirect, stopped.StatusCode);
        var html = await clinician.GetStringAsync(url);
        Assert.Contains("data-testid=\"course-status\">Stopped<", html, StringComparison.Ordinal);
        Assert.Contains("Patient moved away", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_course_goes_from_planned_to_active_to_completed_and_a_new_one_can_then_start()
    {
        var (clinician, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var patientId = await PatientSeed.CreateAsync(App, status: PatientStatus.Active);
        var courseId = await StartWithServiceAsync(patientId, DefaultProtocols.IvKetamineId);
        var url = CourseUrl(patientId, courseId);

        Assert.Equal(HttpStatusCode.Redirect, (await HtmlForms.PostAsync(clinician, url, [new("version", await VersionOfAsync(courseId))], $"{url}?handler=Activate")).StatusCode);
        Assert.Equal(CourseStatus.Active, await StatusOfAsync(courseId));
        Assert.Equal(HttpStatusCode.Redirect, (await HtmlForms.PostAsync(clinician, url, [new("version", await VersionOfAsync(courseId))], $"{url}?handler=Complete")).StatusCode);
        Assert.Equal(CourseStatus.Completed, await StatusOfAsync(courseId));

        Assert.Equal(HttpStatusCode.Redirect, (await StartAsync(clinician, patientId, DefaultProtocols.ImKapId)).StatusCode);
        Assert.Equal(2, await CourseCountAsync(patientId));
    }

    [Fact]
    public async Task Acting_on_a_course_someone_else_changed_is_a_conflict()
    {
        var (clinician, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var patientId = await PatientSeed.CreateAsync(App);
        var courseId = await StartWithServiceAsync(patientId, DefaultProtocols.IvKetamineId);
        var url = CourseUrl(patientId, courseId);
        var stale = await VersionOfAsync(courseId);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TreatmentCourseService>().ActivateAsync(courseId, uint.Parse(stale, CultureInfo.InvariantCulture));
        }

        var response = await HtmlForms.PostAsync(clinician, url, [new("Stop.Reason", "Typed reason"), new("Stop.Version", stale)], $"{url}?handler=Stop");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Someone else changed this course after you opened it.", html, StringComparison.Ordinal);
        Assert.Contains("Typed reason</textarea>", html, StringComparison.Ordinal);
        Assert.Equal(CourseStatus.Active, await StatusOfAsync(courseId));
    }

    [Fact]
    public async Task A_retired_protocol_cannot_start_a_course()
    {
        var patientId = await PatientSeed.CreateAsync(App);
        await using var scope = App.Services.CreateAsyncScope();
        var protocols = scope.ServiceProvider.GetRequiredService<ProtocolService>();
        var input = ProtocolInput.From(DefaultProtocols.All[0].Definition, 0);
        input.Name = $"Retired {Guid.NewGuid():N}";
        var protocolId = await protocols.CreateAsync(input);
        await protocols.RetireAsync(protocolId);

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => StartWithServiceAsync(patientId, protocolId));

        Assert.Equal(nameof(StartCourseInput.ProtocolId), error.Field);
        Assert.DoesNotContain(input.Name, (await scope.ServiceProvider.GetRequiredService<TreatmentCourseService>().GetNewCourseOptionsAsync(patientId)).Protocols.Select(p => p.Name));
    }

    [Fact]
    public async Task A_start_without_protocol_or_date_shows_messages_beside_the_fields()
    {
        var (clinician, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var patientId = await PatientSeed.CreateAsync(App);

        var response = await HtmlForms.PostAsync(clinician, NewUrl(patientId), [new("Input.ProtocolId", string.Empty), new("Input.StartDate", string.Empty)]);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Choose the protocol the course follows.", html, StringComparison.Ordinal);
        Assert.Contains("Enter the date the course starts.", html, StringComparison.Ordinal);
        Assert.Equal(0, await CourseCountAsync(patientId));
    }

    [Fact]
    public async Task A_course_of_another_patient_is_404()
    {
        var (clinician, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var patientId = await PatientSeed.CreateAsync(App);
        var otherId = await PatientSeed.CreateAsync(App);
        var courseId = await StartWithServiceAsync(patientId, DefaultProtocols.IvKetamineId);

        Assert.Equal(HttpStatusCode.NotFound, (await clinician.GetAsync(CourseUrl(otherId, courseId))).StatusCode);
    }

    private static string NewUrl(Guid patientId) => $"/Patients/{patientId}/Courses/New";

    private static string CourseUrl(Guid patientId, Guid courseId) => $"/Patients/{patientId}/Courses/{courseId}";

    private static Task<HttpResponseMessage> StartAsync(HttpClient client, Guid patientId, Guid protocolId) =>
        HtmlForms.PostAsync(client, NewUrl(patientId), [new("Input.ProtocolId", protocolId.ToString()), new("Input.StartDate", Today)]);

    private async Task<Guid> StartWithServiceAsync(Guid patientId, Guid protocolId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TreatmentCourseService>()
            .StartCourseAsync(patientId, protocolId, DateOnly.FromDateTime(DateTime.UtcNow), Guid.NewGuid());
    }

    private async Task<string> VersionOfAsync(Guid courseId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var course = await scope.ServiceProvider.GetRequiredService<TreatmentCourseService>().GetAsync(courseId);
        return course.Version.ToString(CultureInfo.InvariantCulture);
    }

    private async Task<CourseStatus> StatusOfAsync(Guid courseId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<TreatmentCourseService>().GetAsync(courseId)).Status;
    }

    private async Task<int> CourseCountAsync(Guid patientId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().TreatmentCourses.CountAsync(c => c.PatientId == patientId);
    }
}
