using System.Net;
using KapClinic.Core.Auditing;
using KapClinic.Core.Data;
using KapClinic.Core.Integration;
using KapClinic.Core.Notes;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Preparation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static KapClinic.Web.Tests.Integration.IntegrationData;

namespace KapClinic.Web.Tests.Integration;

/// <summary>Who may read integration notes, what Staff see instead, and the audit of every view.</summary>
public sealed class IntegrationAccessTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task Staff_get_403_on_every_integration_note_page_and_the_themes_admin()
    {
        var (patientId, courseId, noteId, _) = await SignedNoteAsync();
        var (staff, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);

        foreach (var url in new[]
        {
            $"/Patients/{patientId}/Courses/{courseId}/Integration/New",
            $"/Patients/{patientId}/Integration/{noteId}",
            $"/Patients/{patientId}/Integration/{noteId}/Edit",
            "/Admin/Themes",
        })
        {
            var get = await staff.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
            Assert.DoesNotContain(DistinctiveSentence, await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync(url, new FormUrlEncodedContent([]))).StatusCode);
        }
    }

    [Fact]
    public async Task Staff_see_that_sessions_happened_on_the_sessions_list_but_never_the_note_text()
    {
        var (patientId, courseId, _, clinicianId) = await SignedNoteAsync();
        await PreparationData.SessionAsync(App, patientId, courseId, clinicianId, sign: false);
        var (staff, staffId) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);

        Assert.Contains($"href=\"/Patients/{patientId}/Sessions\"", await staff.GetStringAsync($"/Patients/Edit/{patientId}"), StringComparison.Ordinal);
        var response = await staff.GetAsync($"/Patients/{patientId}/Sessions");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var rows = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelectorAll("[data-testid=sessions] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains("Integration", StringComparison.Ordinal) && r.Contains("Clinician", StringComparison.Ordinal) && r.Contains("Signed", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Preparation", StringComparison.Ordinal) && r.Contains("Draft", StringComparison.Ordinal));
        Assert.DoesNotContain(DistinctiveSentence, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Integrating well.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Data text.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/Integration/", html, StringComparison.Ordinal); // no links to notes Staff cannot open
        Assert.Contains(await AuditAsync(AuditActions.PatientSessionsViewed, patientId), e => e.UserId == staffId && e.PatientId == patientId);
    }

    [Fact]
    public async Task Every_view_of_an_integration_note_is_audited_with_the_patient()
    {
        var (patientId, courseId, _, clinicianId) = await SignedNoteAsync();
        var (client, viewerId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var draftId = await NoteAsync(App, patientId, courseId, viewerId, sign: false);

        await client.GetStringAsync($"/Patients/{patientId}/Integration/{draftId}");
        await client.GetStringAsync($"/Patients/{patientId}/Integration/{draftId}/Edit");
        await HtmlForms.PostAsync(client, $"/Patients/{patientId}/Integration/{draftId}/Edit", FormFields((await LoadAsync(App, draftId)).Version));

        var views = (await AuditAsync(AuditActions.NoteViewed, patientId)).Where(e => e.EntityId == draftId).ToList();
        Assert.Equal(3, views.Count); // details, edit, and the edit page the form was posted from (the post itself shows typed text, not a view)
        Assert.All(views, v => Assert.Equal((viewerId, patientId, nameof(NoteKind.IntegrationNote)), (v.UserId!.Value, v.PatientId!.Value, v.EntityType!)));
        Assert.NotEqual(clinicianId, viewerId);
    }

    [Fact]
    public async Task An_admin_adds_and_retires_themes_and_a_note_keeps_a_retired_theme()
    {
        var (admin, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);
        var name = $"Forgiveness {Guid.NewGuid():N}"[..20];
        Assert.Equal(HttpStatusCode.Redirect, (await HtmlForms.PostAsync(admin, "/Admin/Themes", [new("Input.Name", $"  {name} ")])).StatusCode);
        var duplicate = await HtmlForms.PostAsync(admin, "/Admin/Themes", [new("Input.Name", name.ToUpperInvariant())]);
        Assert.Contains("is already on the list.", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var (patientId, courseId, _, _) = await SignedNoteAsync();
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var newUrl = $"/Patients/{patientId}/Courses/{courseId}/Integration/New";
        Assert.Contains($"value=\"{name}\"", await client.GetStringAsync(newUrl), StringComparison.Ordinal);
        var draft = await HtmlForms.PostAsync(client, newUrl, [.. FormFields(), new("Input.Themes", name)]);
        var editUrl = draft.Headers.Location!.ToString();

        var themeId = await ThemeIdAsync(name);
        Assert.Equal(HttpStatusCode.Redirect, (await HtmlForms.PostAsync(admin, "/Admin/Themes", [], $"/Admin/Themes?handler=Retire&themeId={themeId}")).StatusCode);

        Assert.DoesNotContain($"value=\"{name}\"", await client.GetStringAsync(newUrl), StringComparison.Ordinal);
        var refused = await HtmlForms.PostAsync(client, newUrl, [.. FormFields(), new("Input.Themes", name)]);
        Assert.Contains("is not one of the clinic&#x27;s themes.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains($"value=\"{name}\"", await client.GetStringAsync(editUrl), StringComparison.Ordinal);
        var noteId = Guid.Parse(editUrl.Split('/')[^2]);
        var draftNote = await LoadAsync(App, noteId);
        var carried = Assert.Single(draftNote.Homework).CarriedFromItemId;
        var signed = await HtmlForms.PostAsync(
            client, editUrl, [.. FormFields(draftNote.Version), new("Input.Themes", name), .. Homework((carried, "Breath practice", HomeworkStatus.Done))], $"{editUrl}?handler=Sign");
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        Assert.Equal([name], (await LoadAsync(App, noteId)).Themes);
        Assert.Contains("Retired", await admin.GetStringAsync("/Admin/Themes"), StringComparison.Ordinal);
    }

    private async Task<(Guid PatientId, Guid CourseId, Guid NoteId, Guid ClinicianId)> SignedNoteAsync()
    {
        var patientId = await TestPatients.CreateAsync(App);
        var courseId = await PreparationData.CourseAsync(App, patientId);
        var clinicianId = await TestUsers.CreateAsync(App, ClinicRoles.Clinician);
        return (patientId, courseId, await NoteAsync(App, patientId, courseId, clinicianId, [("Breath practice", HomeworkStatus.Open)]), clinicianId);
    }

    private async Task<List<AuditEvent>> AuditAsync(string action, Guid patientId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.Action == action && e.PatientId == patientId).ToListAsync();
    }

    private async Task<Guid> ThemeIdAsync(string name)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().IntegrationThemes.Where(t => t.Name == name).Select(t => t.Id).SingleAsync();
    }
}
