using KapClinic.Core.Users;
using KapClinic.TestSupport;
using static KapClinic.Web.Tests.Patients.ChartTestData;

namespace KapClinic.Web.Tests.Dosing;

/// <summary>The course page lists dosing sessions with their label and link, and its progress counts the signed ones.</summary>
public sealed class CourseDosingTimelineTests(DosingRecordsFixture fixture) : IClassFixture<DosingRecordsFixture>
{
    [Fact]
    public async Task Dosing_sessions_show_on_the_course_timeline_and_the_signed_ones_count_in_its_progress()
    {
        var app = fixture.Factory;
        var (client, clinicianId) = await TestUsers.SignedInAsync(app, ClinicRoles.Clinician);
        var seed = await DosedSessionSeed.CreateAsync(app, clinicianId);
        var (patientId, courseId) = await DosedSessionSeed.PatientWithCourseAsync(app, "Tia", "Timeline");
        var signed = await seed.EsketamineSessionAsync(patientId, courseId, DosingRecordsFixture.Now.AddDays(-3));
        var draft = await seed.EsketamineSessionAsync(patientId, courseId, DosingRecordsFixture.Now.AddDays(-1), sign: false);

        var page = await GetDocumentAsync(client, $"/Patients/{patientId}/Courses/{courseId}");

        var timeline = page.QuerySelector("[data-testid=course-timeline]")!;
        Assert.Equal("Signed: 0 of 1 preparation, 1 of 8 dosing, 0 of 4 integration", timeline.QuerySelector("[data-testid=course-counts]")!.TextContent.Trim());
        Assert.Null(timeline.QuerySelector("[data-testid=dosing-placeholder]"));
        var items = timeline.QuerySelectorAll("[data-testid=timeline-session]").Select(li => string.Join(' ', li.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Equal(2, items.Count);
        Assert.Matches("^.+ · Dosing · Test Clinician · Signed Open", items[0]);
        Assert.Matches("^.+ · Dosing · Test Clinician · Draft Open", items[1]);
        Assert.NotNull(timeline.QuerySelector($"a[href='/Patients/{patientId}/Dosing/{signed}']"));
        Assert.NotNull(timeline.QuerySelector($"a[href='/Patients/{patientId}/Dosing/{draft}']"));
        Assert.NotNull(timeline.QuerySelector($"a[href='/Patients/{patientId}/Courses/{courseId}/Dosing/New']"));
        Assert.Contains("Progress: 1 of 13 sessions", page.Body!.TextContent, StringComparison.Ordinal);
    }
}
