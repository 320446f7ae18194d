using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Integration;
using KapClinic.Core.Preparation;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Integration;
using KapClinic.Web.Tests.Preparation;
using Microsoft.Extensions.DependencyInjection;
using static KapClinic.Web.Tests.Patients.ChartTestData;

namespace KapClinic.Web.Tests.Courses;

/// <summary>One timeline per course on the chart and the course page: sessions, counts against the plan, readiness.</summary>
public sealed class CourseTimelineTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task The_chart_shows_each_course_timeline_with_counts_against_the_plan_and_the_reasons_it_is_not_ready()
    {
        var (client, clinicianId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var patientId = await TestPatients.CreateAsync(App);
        var courseId = await PreparationData.CourseAsync(App, patientId, DefaultProtocols.ImKapId);
        await PreparationData.SessionAsync(App, patientId, courseId, clinicianId, ReadinessDecision.NotYet, occurredAt: DateTimeOffset.UtcNow.AddDays(-9));
        await PreparationData.SessionAsync(App, patientId, courseId, clinicianId, occurredAt: DateTimeOffset.UtcNow.AddDays(-5));
        await IntegrationData.NoteAsync(App, patientId, courseId, clinicianId, [("Breath practice", HomeworkStatus.Open)], occurredAt: DateTimeOffset.UtcNow.AddDays(-2));
        var draftId = await IntegrationData.NoteAsync(App, patientId, courseId, clinicianId, sign: false, occurredAt: DateTimeOffset.UtcNow.AddHours(-3));

        var document = await GetDocumentAsync(client, $"/Patients/{patientId}");

        var timeline = document.QuerySelector("#courses [data-testid=course-timeline]")!;
        Assert.Equal("Signed: 2 of 2 preparation, 0 of 6 dosing, 1 of 6 integration", timeline.QuerySelector("[data-testid=course-counts]")!.TextContent.Trim());
        var readiness = timeline.QuerySelector("[data-testid=readiness]")!;
        Assert.Contains("Not ready to dose", readiness.TextContent, StringComparison.Ordinal);
        Assert.Equal(["There is no current KAP treatment consent."], readiness.QuerySelectorAll("li").Select(li => li.TextContent.Trim()));
        var items = timeline.QuerySelectorAll("ol > li").Select(li => string.Join(' ', li.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Equal(5, items.Count);
        Assert.Matches("^.+ · Preparation · Test Clinician · Signed Open", items[0]);
        Assert.Matches("^.+ · Preparation · Test Clinician · Signed Open", items[1]);
        Assert.Equal("Dosing · No dosing session yet.", items[2]);
        Assert.Matches("^.+ · Integration · Test Clinician · Signed Open", items[3]);
        Assert.Matches("^.+ · Integration · Test Clinician · Draft Open", items[4]);
        Assert.NotNull(timeline.QuerySelector($"a[href='/Patients/{patientId}/Integration/{draftId}']"));
        Assert.NotNull(timeline.QuerySelector($"a[href='/Patients/{patientId}/Courses/{courseId}/Preparation/New']"));
        Assert.NotNull(timeline.QuerySelector($"a[href='/Patients/{patientId}/Courses/{courseId}/Integration/New']"));
        Assert.Equal("3 of 14 planned sessions", document.QuerySelector("#courses [role=progressbar]")!.GetAttribute("aria-valuetext"));

        await PreparationData.ConsentAsync(App, patientId, Today.AddDays(-1));
        var ready = await GetDocumentAsync(client, $"/Patients/{patientId}");
        Assert.Equal("Ready to dose", ready.QuerySelector("#courses [data-testid=readiness]")!.TextContent.Trim());

        var coursePage = await GetDocumentAsync(client, $"/Patients/{patientId}/Courses/{courseId}");
        Assert.Equal("Signed: 2 of 2 preparation, 0 of 6 dosing, 1 of 6 integration", coursePage.QuerySelector("[data-testid=course-counts]")!.TextContent.Trim());
        Assert.Equal("Ready to dose", coursePage.QuerySelector("[data-testid=readiness]")!.TextContent.Trim());
        Assert.Contains("Progress: 3 of 14 sessions", coursePage.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ended_course_keeps_its_timeline_but_offers_no_readiness_and_no_new_sessions()
    {
        var (client, clinicianId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var patientId = await TestPatients.CreateAsync(App);
        var course = new TreatmentCourse(patientId, DefaultProtocols.IvKetamineId, Today.AddDays(-60), clinicianId, DateTimeOffset.UtcNow.AddDays(-60));
        course.Start();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
            db.TreatmentCourses.Add(course);
            await db.SaveChangesAsync();
        }

        await PreparationData.SessionAsync(App, patientId, course.Id, clinicianId, occurredAt: DateTimeOffset.UtcNow.AddDays(-58));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
            db.Attach(course);
            course.Complete(Today.AddDays(-10));
            await db.SaveChangesAsync();
        }

        var timeline = (await GetDocumentAsync(client, $"/Patients/{patientId}")).QuerySelector("#courses [data-testid=course-timeline]")!;

        Assert.Equal("Signed: 1 of 1 preparation, 0 of 6 dosing, 0 of 6 integration", timeline.QuerySelector("[data-testid=course-counts]")!.TextContent.Trim());
        Assert.Null(timeline.QuerySelector("[data-testid=readiness]"));
        Assert.Null(timeline.QuerySelector("a[href$='/New']"));
        Assert.Single(timeline.QuerySelectorAll("[data-testid=timeline-session]"));
    }
}
