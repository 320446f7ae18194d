using System.Net;
using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Dosing;
using KapClinic.Web.Tests.Preparation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static KapClinic.Web.Tests.Dosing.DosingData;

namespace KapClinic.Web.Tests.Infrastructure.Idempotency;

/// <summary>A vitals reading on a dosing session and a preparation session's note draft, each submitted twice from one rendering.</summary>
public sealed class ClinicalFormIdempotencyTests(DosingFixture fixture) : IClassFixture<DosingFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task A_reading_posted_twice_from_one_rendering_is_saved_once_and_both_answers_lead_to_the_timeline()
    {
        var session = await SessionAsync(fixture);
        var form = await HtmlForms.RenderAsync(session.Client, session.Url, $"{session.Url}?handler=Reading");

        var responses = await IdempotentPosts.TwiceAsync(session.Client, form, ReadingFields(await FieldAsync(App, fixture.Now.AddMinutes(-3))));

        Assert.Equal($"{session.Url}#timeline", IdempotentPosts.AssertAllRedirectToOnePlace(responses));
        Assert.Single((await LoadAsync(App, session.SessionId)).Readings);
    }

    [Fact]
    public async Task Readings_posted_at_once_from_one_rendering_are_saved_once_and_none_gets_an_error()
    {
        var session = await SessionAsync(fixture);
        var form = await HtmlForms.RenderAsync(session.Client, session.Url, $"{session.Url}?handler=Reading");

        var responses = await IdempotentPosts.AtOnceAsync(session.Client, form, ReadingFields(await FieldAsync(App, fixture.Now.AddMinutes(-2))));

        IdempotentPosts.AssertAllRedirectToOnePlace(responses);
        Assert.Single((await LoadAsync(App, session.SessionId)).Readings);
    }

    [Fact]
    public async Task A_reading_sent_by_the_monitor_script_and_then_resubmitted_by_it_is_saved_once()
    {
        var session = await SessionAsync(fixture);
        var form = await HtmlForms.RenderAsync(session.Client, session.Url, $"{session.Url}?handler=Reading");
        var fields = ReadingFields(await FieldAsync(App, fixture.Now.AddMinutes(-1)));

        var fetched = await FetchAsync(session.Client, form, fields);
        var resubmitted = await HtmlForms.PostRenderedAsync(session.Client, form, fields); // the script's fallback: a plain submit of the same form

        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, resubmitted.StatusCode);
        Assert.Equal(session.Url, IdempotentPosts.PathOf(resubmitted));
        Assert.Single((await LoadAsync(App, session.SessionId)).Readings);
    }

    [Fact]
    public async Task A_preparation_note_draft_posted_twice_from_one_rendering_is_saved_once()
    {
        var patientId = await TestPatients.CreateAsync(App);
        var courseId = await PreparationData.CourseAsync(App, patientId, DefaultProtocols.ImKapId);
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var form = await HtmlForms.RenderAsync(client, $"/Patients/{patientId}/Courses/{courseId}/Preparation/New");

        var responses = await IdempotentPosts.TwiceAsync(client, form, PreparationData.FormFields());

        IdempotentPosts.AssertAllRedirectToOnePlace(responses);
        await using var scope = App.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().PreparationSessions.CountAsync(s => s.CourseId == courseId));
    }

    private static async Task<HttpResponseMessage> FetchAsync(HttpClient client, RenderedForm form, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, form.PostUrl)
        {
            Content = new FormUrlEncodedContent(fields
                .Append(new("__RequestVerificationToken", form.Token))
                .Append(new(HtmlForms.IdempotencyKeyField, form.IdempotencyKey!))),
        };
        request.Headers.Add("X-Requested-With", "fetch");
        return await client.SendAsync(request);
    }
}
