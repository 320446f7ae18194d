using System.Net;
using KapClinic.Core.Integration;
using KapClinic.Core.Notes;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KapClinic.Web.Tests.Preparation;
using static KapClinic.Web.Tests.Integration.IntegrationData;

namespace KapClinic.Web.Tests.Integration;

public sealed class IntegrationPagesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    // C-SSRS screener: ideation with intent (item 4) is high risk.
    private static readonly string[] HighRiskAnswers = ["0", "0", "0", "1", "0", "0", "0"];

    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task A_clinician_saves_a_draft_signs_it_and_the_note_shows_its_themes_homework_and_verified_signature()
    {
        var (patientId, courseId) = await PatientWithCourseAsync();
        var (client, clinicianId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var newUrl = $"/Patients/{patientId}/Courses/{courseId}/Integration/New";
        Assert.Contains("No dosing session of this course has a dose yet.", await client.GetStringAsync(newUrl), StringComparison.Ordinal);

        var created = await HtmlForms.PostAsync(client, newUrl, [
            .. FormFields(extra: ("Input.Plan", "")),
            new("Input.Themes", "Grief"), new("Input.Themes", "Fear of death"), new("Input.Approaches", nameof(IntegrationApproach.Somatic)),
            .. Homework((null, "Body scan before sleep", HomeworkStatus.Open), (null, "", HomeworkStatus.Open))]);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var editUrl = created.Headers.Location!.ToString();
        var noteId = Guid.Parse(editUrl.Split('/')[^2]);
        var draft = await LoadAsync(App, noteId);
        Assert.Equal((NoteStatus.Draft, clinicianId), (draft.Status, draft.AuthorId));
        Assert.Equal(["Grief", "Fear of death"], draft.Themes);
        Assert.Equal("Body scan before sleep", Assert.Single(draft.Homework).Text);
        Assert.Null(draft.FollowsDosingSessionId);

        var signed = await HtmlForms.PostAsync(client, editUrl, [
            .. FormFields(draft.Version), new("Input.Themes", "Grief"), .. Homework((null, "Body scan before sleep", HomeworkStatus.InProgress))], $"{editUrl}?handler=Sign");

        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        var note = await LoadAsync(App, noteId);
        Assert.True(note.IsSigned);
        Assert.True(note.VerifyHash());
        Assert.Equal(HomeworkStatus.InProgress, Assert.Single(note.Homework).Status);
        var page = await client.GetStringAsync($"/Patients/{patientId}/Integration/{noteId}");
        Assert.Contains("Signed by <strong>Test Clinician</strong> on", page, StringComparison.Ordinal);
        Assert.Contains("content verified", page, StringComparison.Ordinal);
        Assert.Contains("Body scan before sleep", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Patients/{patientId}/Measures/New\">Record a measure</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"risk-alert\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Soap_text_in_a_dap_note_is_refused_beside_the_field_and_a_soap_note_signs_with_its_four_parts()
    {
        var (patientId, courseId) = await PatientWithCourseAsync();
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var newUrl = $"/Patients/{patientId}/Courses/{courseId}/Integration/New";

        var refused = await HtmlForms.PostAsync(client, newUrl, FormFields(extra: ("Input.Subjective", "Feels lighter.")));
        Assert.Contains("Subjective is part of a SOAP note.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await CourseNotesAsync(courseId));

        var soap = await HtmlForms.PostAsync(client, newUrl, FormFields(extra: [("Input.Format", "Soap"), ("Input.Data", ""), ("Input.Subjective", "Feels lighter."), ("Input.Objective", "Calm.")]), $"{newUrl}?handler=Sign");
        Assert.Equal(HttpStatusCode.Redirect, soap.StatusCode);
        var note = await LoadAsync(App, Guid.Parse(soap.Headers.Location!.ToString().Split('/')[^1]));
        Assert.Equal((NoteFormat.Soap, "Calm.", (string?)null), (note.Format, note.Objective, note.Data));
        var page = await client.GetStringAsync($"/Patients/{patientId}/Integration/{note.Id}");
        Assert.Contains("aria-label=\"Objective\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-label=\"Data\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_c_ssrs_screener_gives_the_risk_level_and_moderate_or_high_risk_shows_a_danger_alert()
    {
        var (patientId, courseId) = await PatientWithCourseAsync();
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var newUrl = $"/Patients/{patientId}/Courses/{courseId}/Integration/New";
        var cssrs = FormFields(extra: [("Input.RiskMethod", nameof(RiskCheckMethod.CssrsScreener)), ("Input.RiskLevel", "")]);

        var none = await HtmlForms.PostAsync(client, newUrl, cssrs);
        Assert.Contains("No C-SSRS screener is recorded for this patient.", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var measure = await HtmlForms.PostAsync(client, $"/Patients/{patientId}/Measures/New/CssrsScreener", [
            new("Input.Instrument", "CssrsScreener"), new("Input.TakenAt", DateTime.UtcNow.AddHours(-9).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture)),
            .. HighRiskAnswers.Select((a, i) => new KeyValuePair<string, string>($"Input.Answers[{i}]", a))]);
        Assert.Equal(HttpStatusCode.Redirect, measure.StatusCode);

        var signed = await HtmlForms.PostAsync(client, newUrl, cssrs, $"{newUrl}?handler=Sign");
        var note = await LoadAsync(App, Guid.Parse(signed.Headers.Location!.ToString().Split('/')[^1]));
        Assert.Equal((RiskCheckMethod.CssrsScreener, RiskLevel.High), (note.RiskMethod, note.RiskLevel));
        Assert.NotNull(note.RiskMeasureId);
        var page = await client.GetStringAsync($"/Patients/{patientId}/Integration/{note.Id}");
        Assert.Contains("<div class=\"alert alert-danger border-3 fw-semibold\" role=\"alert\" data-testid=\"risk-alert\">", page, StringComparison.Ordinal);
        Assert.Contains("High risk at this session (C-SSRS screener)", page, StringComparison.Ordinal);

        var judged = await HtmlForms.PostAsync(client, newUrl, FormFields(extra: ("Input.RiskLevel", nameof(RiskLevel.Moderate))), $"{newUrl}?handler=Sign");
        Assert.Contains("Moderate risk at this session (clinical judgement)", await client.GetStringAsync(judged.Headers.Location!.ToString()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_clinician_saving_a_stale_draft_gets_a_conflict_and_keeps_every_word_typed()
    {
        var (patientId, courseId) = await PatientWithCourseAsync();
        var (first, firstId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var (second, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var noteId = await NoteAsync(App, patientId, courseId, firstId, sign: false);
        var editUrl = $"/Patients/{patientId}/Integration/{noteId}/Edit";
        var opened = (await LoadAsync(App, noteId)).Version;

        Assert.Equal(HttpStatusCode.Redirect, (await HtmlForms.PostAsync(first, editUrl, FormFields(opened, ("Input.Insights", "First clinician's insight.")))).StatusCode);
        var response = await HtmlForms.PostAsync(second, editUrl, FormFields(opened, ("Input.Insights", "Second clinician's paragraph, typed with care.")));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Someone else saved this draft after you opened it.", html, StringComparison.Ordinal);
        Assert.Contains("Second clinician&#x27;s paragraph, typed with care.", html, StringComparison.Ordinal);
        Assert.Equal("First clinician's insight.", (await LoadAsync(App, noteId)).Insights);
    }

    [Fact]
    public async Task A_signed_note_cannot_be_edited_through_the_page_and_takes_an_addendum_instead()
    {
        var (patientId, courseId) = await PatientWithCourseAsync();
        var (client, clinicianId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var noteId = await NoteAsync(App, patientId, courseId, clinicianId, [("Breath practice", HomeworkStatus.Open)]);
        var url = $"/Patients/{patientId}/Integration/{noteId}";

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync($"{url}/Edit")).StatusCode);
        var post = await HtmlForms.PostAsync(client, url, FormFields((await LoadAsync(App, noteId)).Version, ("Input.Data", "Rewritten history.")), $"{url}/Edit");
        Assert.Contains("can no longer be edited. Add an addendum", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var addendum = await HtmlForms.PostAsync(client, url, [new("Addendum.Text", "Patient called: the letter is written.")], $"{url}?handler=Addendum");
        Assert.Equal(HttpStatusCode.Redirect, addendum.StatusCode);
        var note = await LoadAsync(App, noteId);
        Assert.Equal((DistinctiveSentence, "Patient called: the letter is written."), (note.Data, Assert.Single(note.Addenda).Text));
        Assert.True(note.VerifyHash());
    }

    private async Task<(Guid PatientId, Guid CourseId)> PatientWithCourseAsync()
    {
        var patientId = await TestPatients.CreateAsync(App);
        return (patientId, await PreparationData.CourseAsync(App, patientId));
    }

    private async Task<List<Guid>> CourseNotesAsync(Guid courseId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinic.Core.Data.KapClinicDbContext>();
        return await db.IntegrationNotes.Where(n => n.CourseId == courseId).Select(n => n.Id).ToListAsync();
    }
}
