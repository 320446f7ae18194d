using System.Net;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Preparation;

namespace KapClinic.Web.Tests.Notes;

public sealed class OverdueDraftsTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    // Ages are far from any allowed setting (1-720 h), since another test here changes it.
    [Fact]
    public async Task A_clinicians_drafts_older_than_the_setting_show_on_their_dashboard_and_no_one_elses()
    {
        var patientId = await TestPatients.CreateAsync(App, TestPatients.Details("Marisol", "Quintero"));
        var courseId = await PreparationData.CourseAsync(App, patientId);
        var (client, clinicianId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var (colleague, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var overdueId = await PreparationData.SessionAsync(App, patientId, courseId, clinicianId, sign: false, createdAt: DateTimeOffset.UtcNow.AddHours(-800));
        var freshId = await PreparationData.SessionAsync(App, patientId, courseId, clinicianId, sign: false, createdAt: DateTimeOffset.UtcNow.AddHours(-10));
        await PreparationData.SessionAsync(App, patientId, courseId, clinicianId, createdAt: DateTimeOffset.UtcNow.AddHours(-900));

        var dashboard = await client.GetStringAsync("/");

        Assert.Contains($"href=\"/Patients/{patientId}/Preparation/{overdueId}/Edit\">Preparation session</a>", dashboard, StringComparison.Ordinal);
        Assert.Contains("Marisol Quintero", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain(freshId.ToString(), dashboard, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(dashboard, "/Preparation/[0-9a-f-]+/Edit"));
        Assert.Contains("No overdue drafts", await colleague.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_overdue_limit_is_an_admin_setting()
    {
        var patientId = await TestPatients.CreateAsync(App);
        var courseId = await PreparationData.CourseAsync(App, patientId);
        var (client, clinicianId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        await PreparationData.SessionAsync(App, patientId, courseId, clinicianId, sign: false, createdAt: DateTimeOffset.UtcNow.AddHours(-30));
        Assert.Contains("No overdue drafts", await client.GetStringAsync("/"), StringComparison.Ordinal);
        var (admin, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);

        var refused = await HtmlForms.PostAsync(admin, "/Admin/Settings", Settings("0"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Drafts become overdue after 1 to 720 hours.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var saved = await HtmlForms.PostAsync(admin, "/Admin/Settings", Settings("24"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("value=\"24\"", await admin.GetStringAsync("/Admin/Settings"), StringComparison.Ordinal);
        Assert.Contains("more than 24 hours ago and have not signed yet", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_and_admins_see_no_draft_list()
    {
        var (staff, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);

        Assert.DoesNotContain("Overdue drafts", await staff.GetStringAsync("/"), StringComparison.Ordinal);
    }

    private static KeyValuePair<string, string>[] Settings(string draftHours) =>
    [
        new("Input.ClinicName", "Lakeside"),
        new("Input.TimeZoneId", "America/New_York"),
        new("Input.ConsentValidityMonths", "12"),
        new("Input.MinimumPatientAgeYears", "18"),
        new("Input.DraftOverdueHours", draftHours),
        new("Input.Version", "0"),
    ];
}
