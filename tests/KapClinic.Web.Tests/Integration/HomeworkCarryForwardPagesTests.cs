using System.Net;
using KapClinic.Core.Data;
using KapClinic.Core.Integration;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Preparation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static KapClinic.Web.Tests.Integration.IntegrationData;

namespace KapClinic.Web.Tests.Integration;

/// <summary>Homework and action steps through the pages: carried forward from the latest signed note, marked, refused when unmarked.</summary>
public sealed class HomeworkCarryForwardPagesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task Homework_is_carried_forward_from_the_latest_signed_note_and_marked_done_or_dropped()
    {
        var (patientId, courseId) = await PatientWithCourseAsync();
        var (client, clinicianId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        await NoteAsync(App, patientId, courseId, clinicianId, [("Older item", HomeworkStatus.Open)], occurredAt: DateTimeOffset.UtcNow.AddDays(-14));
        var latestId = await NoteAsync(App, patientId, courseId, clinicianId, [("Breath practice", HomeworkStatus.Open), ("Letter to my father", HomeworkStatus.InProgress), ("Walk", HomeworkStatus.Done)], occurredAt: DateTimeOffset.UtcNow.AddDays(-7));
        await NoteAsync(App, patientId, courseId, clinicianId, [("A draft's item", HomeworkStatus.Open)], sign: false, occurredAt: DateTimeOffset.UtcNow.AddDays(-3));
        var latest = await LoadAsync(App, latestId);
        var breath = latest.Homework.Single(i => i.Text == "Breath practice").Id;
        var letter = latest.Homework.Single(i => i.Text == "Letter to my father").Id;
        var newUrl = $"/Patients/{patientId}/Courses/{courseId}/Integration/New";

        var form = await client.GetStringAsync(newUrl);
        Assert.Contains($"name=\"Input.Homework[0].CarriedFromItemId\" value=\"{breath}\"", form, StringComparison.Ordinal);
        Assert.Contains($"name=\"Input.Homework[1].CarriedFromItemId\" value=\"{letter}\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("Walk", form, StringComparison.Ordinal);
        Assert.DoesNotContain("Older item", form, StringComparison.Ordinal); // carried by the latest note already, and done there
        Assert.DoesNotContain("A draft&#x27;s item", form, StringComparison.Ordinal);

        var created = await HtmlForms.PostAsync(client, newUrl, [
            .. FormFields(), .. Homework((breath, "Tampered text", HomeworkStatus.Done), (letter, "Letter to my father", HomeworkStatus.Dropped), (null, "Call my sister", HomeworkStatus.Open))],
            $"{newUrl}?handler=Sign");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var note = await LoadAsync(App, Guid.Parse(created.Headers.Location!.ToString().Split('/')[^1]));
        Assert.Equal(
            [("Breath practice", HomeworkStatus.Done, (Guid?)breath), ("Letter to my father", HomeworkStatus.Dropped, letter), ("Call my sister", HomeworkStatus.Open, null)],
            note.Homework.Select(i => (i.Text, i.Status, i.CarriedFromItemId)));
        Assert.True(note.VerifyHash());
        Assert.Contains("carried forward from the session on", await client.GetStringAsync($"/Patients/{patientId}/Integration/{note.Id}"), StringComparison.Ordinal);

        var next = await client.GetStringAsync(newUrl);
        Assert.Contains("Call my sister", next, StringComparison.Ordinal);
        Assert.DoesNotContain("Breath practice", next, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_with_a_carried_item_still_open_is_refused_beside_that_item_and_keeps_what_was_typed()
    {
        var (patientId, courseId) = await PatientWithCourseAsync();
        var (client, clinicianId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var latest = await LoadAsync(App, await NoteAsync(App, patientId, courseId, clinicianId, [("Breath practice", HomeworkStatus.Open)]));
        var newUrl = $"/Patients/{patientId}/Courses/{courseId}/Integration/New";

        var response = await HtmlForms.PostAsync(client, newUrl, [
            .. FormFields(extra: ("Input.Insights", "Typed insight stays.")), .. Homework((latest.Homework[0].Id, "Breath practice", HomeworkStatus.Open))], $"{newUrl}?handler=Sign");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<span id=\"homework-0-status-error\"><span class=\"field-validation-error\" data-valmsg-for=\"Input.Homework[0].Status\" data-valmsg-replace=\"true\">Mark this carried-forward item done, in progress or dropped before signing.</span>", html, StringComparison.Ordinal);
        Assert.Contains("Typed insight stays.", html, StringComparison.Ordinal);
        Assert.Single(await CourseNotesAsync(courseId));
    }

    [Fact]
    public async Task A_note_signed_while_the_form_was_open_changes_what_is_carried_and_the_form_shows_it_as_it_is_now()
    {
        var (patientId, courseId) = await PatientWithCourseAsync();
        var (client, clinicianId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var first = await LoadAsync(App, await NoteAsync(App, patientId, courseId, clinicianId, [("Old item", HomeworkStatus.Open)], occurredAt: DateTimeOffset.UtcNow.AddDays(-7)));
        var newUrl = $"/Patients/{patientId}/Courses/{courseId}/Integration/New";
        var token = HtmlForms.TokenIn(await client.GetStringAsync(newUrl))!;
        var second = await LoadAsync(App, await NoteAsync(App, patientId, courseId, clinicianId, [("Newer item", HomeworkStatus.Open)], occurredAt: DateTimeOffset.UtcNow.AddDays(-1)));

        var response = await client.PostAsync($"{newUrl}?handler=Sign", new FormUrlEncodedContent([
            .. FormFields(), .. Homework((first.Homework[0].Id, "Old item", HomeworkStatus.Done)), new("__RequestVerificationToken", token)]));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("An item can only be carried forward from the course&#x27;s latest signed integration note.", html, StringComparison.Ordinal);
        var newer = second.Homework.Single(i => i.Text == "Newer item").Id;
        Assert.Contains($"name=\"Input.Homework[0].CarriedFromItemId\" value=\"{newer}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Old item", html, StringComparison.Ordinal);
        Assert.Equal(2, (await CourseNotesAsync(courseId)).Count);
    }

    private async Task<(Guid PatientId, Guid CourseId)> PatientWithCourseAsync()
    {
        var patientId = await TestPatients.CreateAsync(App);
        return (patientId, await PreparationData.CourseAsync(App, patientId));
    }

    private async Task<List<Guid>> CourseNotesAsync(Guid courseId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().IntegrationNotes.Where(n => n.CourseId == courseId).Select(n => n.Id).ToListAsync();
    }
}
