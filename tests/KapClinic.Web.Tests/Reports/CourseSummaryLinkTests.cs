using KapClinic.Core.Courses;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Dosing;

namespace KapClinic.Web.Tests.Reports;

public sealed class CourseSummaryLinkTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_course_page_and_the_chart_link_to_the_course_summary_by_patient_id_only()
    {
        var (client, _) = await TestUsers.SignedInAsync(fixture.Factory, ClinicRoles.Clinician);
        var (patientId, courseId) = await DosedSessionSeed.PatientWithCourseAsync(fixture.Factory, "Zoë", "Ñúñez", DefaultProtocols.EsketamineId);
        var expected = $"href=\"/Reports/course-summary?patient={patientId}\"";

        Assert.Contains(expected, await client.GetStringAsync($"/Patients/{patientId}/Courses/{courseId}"), StringComparison.Ordinal);
        Assert.Contains(expected, await client.GetStringAsync($"/Patients/{patientId}"), StringComparison.Ordinal);
    }
}
