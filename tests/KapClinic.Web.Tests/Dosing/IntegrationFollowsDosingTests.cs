using System.Globalization;
using System.Net;
using KapClinic.Core.Settings;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Integration;
using KapClinic.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static KapClinic.Web.Tests.Patients.ChartTestData;

namespace KapClinic.Web.Tests.Dosing;

/// <summary>An integration note names the dosing session it follows: suggested, checked, shown, and part of its signed hash.</summary>
public sealed class IntegrationFollowsDosingTests(DosingRecordsFixture fixture) : IClassFixture<DosingRecordsFixture>
{
    private static readonly DateTimeOffset Now = DosingRecordsFixture.Now;

    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task A_new_note_suggests_the_latest_dosing_session_and_the_signed_note_shows_and_hashes_the_one_chosen()
    {
        var (client, clinicianId) = await ClinicalUsers.SignedInClinicianAsync(App, "Ida Integrator", "LMFT", prescriber: false);
        var seed = await DosedSessionSeed.CreateAsync(App, clinicianId);
        var (patientId, courseId) = await DosedSessionSeed.PatientWithCourseAsync(App, "Frida", "Follows");
        var older = await seed.EsketamineSessionAsync(patientId, courseId, Now.AddDays(-2));
        var latest = await seed.EsketamineSessionAsync(patientId, courseId, Now.AddDays(-1), sign: false);
        var newUrl = $"/Patients/{patientId}/Courses/{courseId}/Integration/New";

        var form = await GetDocumentAsync(client, newUrl);
        var select = form.GetElementById("Input_FollowsDosingSessionId")!;
        Assert.Equal(latest.ToString(), select.QuerySelector("option[selected]")!.GetAttribute("value"));
        Assert.Equal(3, select.QuerySelectorAll("option").Length);
        Assert.Equal("Follows dosing session", form.QuerySelector("label[for=Input_FollowsDosingSessionId]")!.TextContent.Trim());

        var signed = await HtmlForms.PostAsync(client, newUrl, await FieldsAsync(Now.AddHours(-1), older), $"{newUrl}?handler=Sign");

        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        var noteId = Guid.Parse(signed.Headers.Location!.ToString().Split('/')[^1]);
        var note = await IntegrationData.LoadAsync(App, noteId);
        Assert.Equal(older, note.FollowsDosingSessionId);
        Assert.True(note.VerifyHash());
        Assert.Contains($"\"int.followsDosingSessionId\":\"{older}\"", note.CanonicalContent().ToCanonicalJson(), StringComparison.OrdinalIgnoreCase);
        var details = await GetDocumentAsync(client, $"/Patients/{patientId}/Integration/{noteId}");
        var follows = string.Join(' ', details.QuerySelector("[data-testid=follows-dosing]")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("Follows the dosing session of Mon 16 Nov 2026 (Esketamine 56 mg), 46 hours before.", follows);
        Assert.NotNull(details.QuerySelector($"[data-testid=follows-dosing] a[href='/Patients/{patientId}/Dosing/{older}']"));
    }

    [Fact]
    public async Task A_session_of_another_course_or_one_after_the_note_is_refused_beside_the_field()
    {
        var (client, clinicianId) = await ClinicalUsers.SignedInClinicianAsync(App, "Ike Integrator", "LCSW", prescriber: false);
        var seed = await DosedSessionSeed.CreateAsync(App, clinicianId);
        var (patientId, courseId) = await DosedSessionSeed.PatientWithCourseAsync(App, "Rita", "Refused");
        var (otherPatient, otherCourse) = await DosedSessionSeed.PatientWithCourseAsync(App, "Otto", "Other");
        var mine = await seed.EsketamineSessionAsync(patientId, courseId, Now.AddDays(-1));
        var theirs = await seed.EsketamineSessionAsync(otherPatient, otherCourse, Now.AddDays(-1));
        var newUrl = $"/Patients/{patientId}/Courses/{courseId}/Integration/New";

        var otherCourses = await HtmlForms.PostAsync(client, newUrl, await FieldsAsync(Now.AddHours(-1), theirs));
        var beforeIt = await HtmlForms.PostAsync(client, newUrl, await FieldsAsync(Now.AddDays(-3), mine));

        var refused = await ParseAsync(otherCourses);
        Assert.Equal("Choose a dosing session of this course in which a dose was given.", refused.GetElementById("follows-error")!.TextContent.Trim());
        Assert.Equal("An integration note can only follow a dosing session that took place before it.", (await ParseAsync(beforeIt)).GetElementById("follows-error")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await HtmlForms.PostAsync(client, newUrl, await FieldsAsync(Now.AddHours(-1), null))).StatusCode);
    }

    private async Task<List<KeyValuePair<string, string>>> FieldsAsync(DateTimeOffset at, Guid? follows)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var zone = (await scope.ServiceProvider.GetRequiredService<ClinicSettingsService>().GetAsync()).TimeZone;
        var local = TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        return IntegrationData.FormFields(0, ("Input.OccurredAt", local), ("Input.FollowsDosingSessionId", follows?.ToString() ?? string.Empty));
    }
}
