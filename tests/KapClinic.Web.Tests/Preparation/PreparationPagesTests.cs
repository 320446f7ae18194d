using System.Net;
using KapClinic.Core.Auditing;
using KapClinic.Core.Data;
using KapClinic.Core.Notes;
using KapClinic.Core.Preparation;
using KapClinic.Core.Screening;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Preparation;

public sealed class PreparationPagesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task A_ready_decision_on_a_screening_that_a_newer_version_replaced_is_refused_beside_the_review()
    {
        var patientId = await TestPatients.CreateAsync(App);
        var courseId = await PreparationData.CourseAsync(App, patientId);
        var oldScreening = await PreparationData.ScreeningAsync(App, patientId, 1, ScreeningResult.Clear);
        await PreparationData.ScreeningAsync(App, patientId, 2, ScreeningResult.Relative);
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);

        var response = await HtmlForms.PostAsync(
            client, $"/Patients/{patientId}/Courses/{courseId}/Preparation/New", PreparationData.FormFields(oldScreening).WithTopics(EducationTopic.SafetyPlan));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("review the latest version before deciding Ready", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clinician_saves_a_draft_edits_it_signs_it_and_adds_an_addendum()
    {
        var patientId = await TestPatients.CreateAsync(App);
        var courseId = await PreparationData.CourseAsync(App, patientId);
        var screeningId = await PreparationData.ScreeningAsync(App, patientId, 1, ScreeningResult.Relative);
        var (client, clinicianId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var newUrl = $"/Patients/{patientId}/Courses/{courseId}/Preparation/New";

        var created = await HtmlForms.PostAsync(client, newUrl, PreparationData.FormFields(screeningId).WithTopics(EducationTopic.Dissociation, EducationTopic.SafetyPlan));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var editUrl = created.Headers.Location!.ToString();
        Assert.EndsWith("/Edit", editUrl, StringComparison.Ordinal);
        var sessionId = Guid.Parse(editUrl.Split('/')[^2]);
        var draft = await PreparationData.LoadAsync(App, sessionId);
        Assert.Equal(NoteStatus.Draft, draft.Status);
        Assert.Equal(clinicianId, draft.AuthorId);
        Assert.Equal([EducationTopic.Dissociation, EducationTopic.SafetyPlan], draft.EducationTopics);
        Assert.Equal(screeningId, draft.ReviewedScreeningId);
        Assert.Equal(ScreeningResult.Relative, draft.ReviewedScreeningResult);

        var edited = PreparationData.FormFields(screeningId, draft.Version);
        edited["Input.Plan"] = "Book the first dose for Thursday.";
        var saved = await HtmlForms.PostAsync(client, editUrl, edited);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Book the first dose for Thursday.", (await PreparationData.LoadAsync(App, sessionId)).Plan);

        var version = (await PreparationData.LoadAsync(App, sessionId)).Version;
        var final = PreparationData.FormFields(screeningId, version);
        final["Input.Plan"] = "Final plan.";
        var signed = await HtmlForms.PostAsync(client, editUrl, final, $"{editUrl}?handler=Sign");
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        var note = await PreparationData.LoadAsync(App, sessionId);
        Assert.True(note.IsSigned);
        Assert.Equal("Final plan.", note.Plan);
        Assert.True(note.VerifyHash());

        var detailsUrl = $"/Patients/{patientId}/Preparation/{sessionId}";
        var page = await client.GetStringAsync(detailsUrl);
        Assert.Contains("Signed by <strong>Test Clinician</strong> on", page, StringComparison.Ordinal);
        Assert.Contains("content verified", page, StringComparison.Ordinal);

        var addendum = await HtmlForms.PostAsync(client, detailsUrl, [new("Addendum.Text", "Patient phoned: ride confirmed.")], $"{detailsUrl}?handler=Addendum");
        Assert.Equal(HttpStatusCode.Redirect, addendum.StatusCode);
        var stored = Assert.Single((await PreparationData.LoadAsync(App, sessionId)).Addenda);
        Assert.Equal("Patient phoned: ride confirmed.", stored.Text);
        Assert.Equal(clinicianId, stored.AuthorId);
        Assert.Contains("Addendum by Test Clinician on", await client.GetStringAsync(detailsUrl), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_and_sign_on_a_new_note_asks_for_each_missing_part_beside_its_field()
    {
        var (patientId, courseId) = await PatientWithCourseAsync();
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var url = $"/Patients/{patientId}/Courses/{courseId}/Preparation/New";
        var fields = PreparationData.FormFields();
        fields.Remove("Input.Data");
        fields.Remove("Input.Decision");
        fields["Input.Intentions"] = "Typed intentions stay.";

        var response = await HtmlForms.PostAsync(client, url, fields, $"{url}?handler=Sign");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<span id=\"data-error\"><span class=\"field-validation-error\" data-valmsg-for=\"Input.Data\" data-valmsg-replace=\"true\">Write the Data part of the note before signing.</span>", html, StringComparison.Ordinal);
        Assert.Contains("Choose a readiness decision before signing.", html, StringComparison.Ordinal);
        Assert.Contains("Typed intentions stay.", html, StringComparison.Ordinal);
        Assert.False(await AnySessionAsync(courseId));
    }

    [Fact]
    public async Task A_note_past_50000_characters_is_refused_with_a_clear_message_and_nothing_is_saved()
    {
        var (patientId, courseId) = await PatientWithCourseAsync();
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var fields = PreparationData.FormFields();
        fields["Input.Assessment"] = new string('a', 50_001);

        var response = await HtmlForms.PostAsync(client, $"/Patients/{patientId}/Courses/{courseId}/Preparation/New", fields);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Assessment can be at most 50,000 characters; this one has 50,001. Shorten it by 1 characters", html, StringComparison.Ordinal);
        Assert.False(await AnySessionAsync(courseId));
    }

    [Fact]
    public async Task Markup_in_a_note_is_shown_as_text_with_its_line_breaks()
    {
        var (patientId, courseId) = await PatientWithCourseAsync();
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var fields = PreparationData.FormFields();
        fields["Input.Data"] = "<script>alert('x')</script>\nSecond line <b>bold?</b>";

        var created = await HtmlForms.PostAsync(client, $"/Patients/{patientId}/Courses/{courseId}/Preparation/New", fields);
        var sessionId = created.Headers.Location!.ToString().Split('/')[^2];
        var html = await client.GetStringAsync($"/Patients/{patientId}/Preparation/{sessionId}");

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>bold?</b>", html, StringComparison.Ordinal);
        // Encoded, and the line break kept (as the character reference &#xA;) inside a white-space: pre-wrap block.
        Assert.Contains("<div class=\"note-text\">&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&#xA;Second line &lt;b&gt;bold?&lt;/b&gt;</div>", html, StringComparison.Ordinal);
        Assert.Contains(".note-text { white-space: pre-wrap;", await client.GetStringAsync("/css/site.css"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_clinician_saving_a_stale_draft_gets_a_conflict_and_keeps_every_word_typed()
    {
        var (patientId, courseId) = await PatientWithCourseAsync();
        var (first, firstId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var (second, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var sessionId = await PreparationData.SessionAsync(App, patientId, courseId, firstId, sign: false);
        var editUrl = $"/Patients/{patientId}/Preparation/{sessionId}/Edit";
        var opened = (await PreparationData.LoadAsync(App, sessionId)).Version;

        var firstFields = PreparationData.FormFields(version: opened);
        firstFields["Input.Data"] = "First clinician's data.";
        Assert.Equal(HttpStatusCode.Redirect, (await HtmlForms.PostAsync(first, editUrl, firstFields)).StatusCode);

        var secondFields = PreparationData.FormFields(version: opened);
        secondFields["Input.Data"] = "Second clinician's long paragraph, typed with care.";
        var response = await HtmlForms.PostAsync(second, editUrl, secondFields);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Someone else saved this draft after you opened it.", html, StringComparison.Ordinal);
        Assert.Contains("Second clinician&#x27;s long paragraph, typed with care.", html, StringComparison.Ordinal);
        Assert.Equal("First clinician's data.", (await PreparationData.LoadAsync(App, sessionId)).Data);

        var current = (await PreparationData.LoadAsync(App, sessionId)).Version;
        Assert.Contains($"name=\"Input.Version\" value=\"{current}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_note_cannot_be_edited_through_the_page()
    {
        var (patientId, courseId) = await PatientWithCourseAsync();
        var (client, clinicianId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var sessionId = await PreparationData.SessionAsync(App, patientId, courseId, clinicianId);
        var editUrl = $"/Patients/{patientId}/Preparation/{sessionId}/Edit";
        var version = (await PreparationData.LoadAsync(App, sessionId)).Version;

        var get = await client.GetAsync(editUrl);
        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.Equal($"/Patients/{patientId}/Preparation/{sessionId}", get.Headers.Location!.ToString());

        var fields = PreparationData.FormFields(version: version);
        fields["Input.Data"] = "Rewritten history.";
        var antiforgery = await HtmlForms.AntiforgeryTokenAsync(client, $"/Patients/{patientId}/Courses/{courseId}/Preparation/New");
        var post = await client.PostAsync(editUrl, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", antiforgery))));

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("can no longer be edited. Add an addendum", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Data text.", (await PreparationData.LoadAsync(App, sessionId)).Data);
    }

    [Fact]
    public async Task Saving_a_draft_that_its_author_signed_meanwhile_is_refused_and_keeps_the_typed_text()
    {
        var (patientId, courseId) = await PatientWithCourseAsync();
        var (author, authorId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var (colleague, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var sessionId = await PreparationData.SessionAsync(App, patientId, courseId, authorId, sign: false);
        var editUrl = $"/Patients/{patientId}/Preparation/{sessionId}/Edit";
        var opened = (await PreparationData.LoadAsync(App, sessionId)).Version;
        var screeningId = await PreparationData.LatestScreeningAsync(App, patientId);
        Assert.Equal(HttpStatusCode.Redirect, (await HtmlForms.PostAsync(author, editUrl, PreparationData.FormFields(screeningId, opened), $"{editUrl}?handler=Sign")).StatusCode);

        var fields = PreparationData.FormFields(screeningId, opened);
        fields["Input.Plan"] = "A colleague's late thought.";
        var response = await HtmlForms.PostAsync(colleague, $"/Patients/{patientId}/Courses/{courseId}/Preparation/New", fields, editUrl);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("can no longer be edited. Add an addendum", html, StringComparison.Ordinal);
        Assert.Contains("A colleague&#x27;s late thought.", html, StringComparison.Ordinal);
        Assert.Equal("Book the first dose.", (await PreparationData.LoadAsync(App, sessionId)).Plan);
    }

    [Fact]
    public async Task An_addendum_to_a_draft_is_refused_and_changes_nothing()
    {
        var (patientId, courseId) = await PatientWithCourseAsync();
        var (client, clinicianId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var sessionId = await PreparationData.SessionAsync(App, patientId, courseId, clinicianId, sign: false);
        var url = $"/Patients/{patientId}/Preparation/{sessionId}";

        var response = await HtmlForms.PostAsync(client, url, [new("Addendum.Text", "Too early.")], $"{url}?handler=Addendum");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("An addendum can only be added to a signed note.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await PreparationData.LoadAsync(App, sessionId)).Addenda);
    }

    [Fact]
    public async Task Only_the_author_can_sign_and_a_supervisor_co_signs_once()
    {
        var (patientId, courseId) = await PatientWithCourseAsync();
        var (author, authorId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var (supervisor, supervisorId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician, supervisor: true);
        var draftId = await PreparationData.SessionAsync(App, patientId, courseId, authorId, sign: false);
        var editUrl = $"/Patients/{patientId}/Preparation/{draftId}/Edit";

        var fields = PreparationData.FormFields(await PreparationData.LatestScreeningAsync(App, patientId), (await PreparationData.LoadAsync(App, draftId)).Version);
        var bySupervisor = await HtmlForms.PostAsync(supervisor, editUrl, fields, $"{editUrl}?handler=Sign");
        Assert.Contains("Only the note&#x27;s author can sign it.", await bySupervisor.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await PreparationData.LoadAsync(App, draftId)).IsSigned);
        Assert.Equal("Data text.", (await PreparationData.LoadAsync(App, draftId)).Data); // the save before the refused signature was rolled back

        var signedId = await PreparationData.SessionAsync(App, patientId, courseId, authorId);
        var url = $"/Patients/{patientId}/Preparation/{signedId}";
        Assert.DoesNotContain("Co-sign as supervisor", await author.GetStringAsync(url), StringComparison.Ordinal);
        var byAuthor = await HtmlForms.PostAsync(author, url, [], $"{url}?handler=CoSign");
        Assert.Contains("Only a clinician flagged as supervisor can co-sign.", await byAuthor.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Contains("Co-sign as supervisor", await supervisor.GetStringAsync(url), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await HtmlForms.PostAsync(supervisor, url, [], $"{url}?handler=CoSign")).StatusCode);
        var again = await HtmlForms.PostAsync(supervisor, url, [], $"{url}?handler=CoSign");
        Assert.Contains("already co-signed", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(supervisorId, (await PreparationData.LoadAsync(App, signedId)).CoSignature!.SupervisorId);
        Assert.Contains("Co-signed by <strong>Test Clinician</strong>", await author.GetStringAsync(url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_get_403_on_every_note_page_and_see_no_note_text()
    {
        var (patientId, courseId) = await PatientWithCourseAsync();
        var clinicianId = await TestUsers.CreateAsync(App, ClinicRoles.Clinician);
        var sessionId = await PreparationData.SessionAsync(App, patientId, courseId, clinicianId);
        var (staff, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);

        foreach (var url in new[]
        {
            $"/Patients/{patientId}/Courses/{courseId}/Preparation/New",
            $"/Patients/{patientId}/Preparation/{sessionId}",
            $"/Patients/{patientId}/Preparation/{sessionId}/Edit",
        })
        {
            var get = await staff.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
            Assert.DoesNotContain("Data text.", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync(url, new FormUrlEncodedContent([]))).StatusCode);
        }

        Assert.DoesNotContain("Data text.", await staff.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_view_of_a_note_is_audited_with_the_patient()
    {
        var (patientId, courseId) = await PatientWithCourseAsync();
        var (client, clinicianId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var sessionId = await PreparationData.SessionAsync(App, patientId, courseId, clinicianId, sign: false);

        await client.GetStringAsync($"/Patients/{patientId}/Preparation/{sessionId}");
        await client.GetStringAsync($"/Patients/{patientId}/Preparation/{sessionId}/Edit");

        await using var scope = App.Services.CreateAsyncScope();
        var views = await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.Action == AuditActions.NoteViewed && e.EntityId == sessionId).ToListAsync();
        Assert.Equal(2, views.Count);
        Assert.All(views, v =>
        {
            Assert.Equal(clinicianId, v.UserId);
            Assert.Equal(patientId, v.PatientId);
            Assert.Equal(nameof(NoteKind.PreparationSession), v.EntityType);
        });
    }

    private async Task<(Guid PatientId, Guid CourseId)> PatientWithCourseAsync()
    {
        var patientId = await TestPatients.CreateAsync(App);
        return (patientId, await PreparationData.CourseAsync(App, patientId));
    }

    private async Task<bool> AnySessionAsync(Guid courseId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().PreparationSessions.AnyAsync(s => s.CourseId == courseId);
    }
}
