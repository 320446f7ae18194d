using System.Net;
using AngleSharp.Html.Parser;
using KapClinic.Core.Dosing;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static KapClinic.Web.Tests.Dosing.DosingData;

namespace KapClinic.Web.Tests.Dosing;

/// <summary>The session page's timeline: adding readings (plain post and fetch), refusals, alerts, the next reading due.</summary>
public sealed class MonitoringTimelineTests(DosingFixture fixture) : IClassFixture<DosingFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task The_page_shows_who_and_what_the_status_and_the_pre_dose_vitals_as_the_first_timeline_row()
    {
        var session = await SessionAsync(fixture);

        var document = new HtmlParser().ParseDocument(await session.Client.GetStringAsync(session.Url));

        var header = document.QuerySelector("[data-testid='session-header']")!.TextContent;
        Assert.Contains("IV ketamine series", header, StringComparison.Ordinal);
        Assert.Contains("Dr Presc Ribe", header, StringComparison.Ordinal);
        Assert.Contains("Test Clinician", header, StringComparison.Ordinal);
        Assert.Equal("Monitoring", document.QuerySelector("[data-testid='session-status']")!.TextContent);
        var firstRow = document.QuerySelector("[data-testid='timeline'] tbody tr")!;
        Assert.StartsWith("Pre-dose", firstRow.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("124/80", firstRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("35 mg", document.QuerySelector("[data-testid='doses']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reading_added_by_a_plain_form_post_redirects_to_the_timeline_and_appears_in_it()
    {
        var session = await SessionAsync(fixture);

        var response = await MonitorRequests.PlainAsync(session.Client, session, "Reading", ReadingFields(await FieldAsync(App, fixture.Now.AddMinutes(-3))));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{session.Url}#timeline", response.Headers.Location!.ToString());
        var rows = new HtmlParser().ParseDocument(await session.Client.GetStringAsync(session.Url)).QuerySelectorAll("[data-testid='reading-row']");
        var row = Assert.Single(rows).TextContent;
        Assert.Contains("131/84", row, StringComparison.Ordinal);
        Assert.Contains("Eyes closed, calm.", row, StringComparison.Ordinal);
        Assert.Single((await LoadAsync(App, session.SessionId)).Readings);
    }

    [Fact]
    public async Task A_reading_added_with_the_fetch_header_returns_the_fragments_with_the_new_row_and_a_fresh_form()
    {
        var session = await SessionAsync(fixture);
        var takenAt = await FieldAsync(App, fixture.Now.AddMinutes(-1));

        var response = await MonitorRequests.FetchAsync(session.Client, session, ReadingFields(takenAt));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("X-Monitor-Fragment"));
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", html, StringComparison.Ordinal);
        var document = new HtmlParser().ParseDocument(html);
        Assert.NotNull(document.GetElementById("monitor-bar"));
        Assert.Contains("131/84", Assert.Single(document.QuerySelectorAll("[data-testid='reading-row']")).TextContent, StringComparison.Ordinal);
        Assert.Equal($"Reading saved at {takenAt[^5..]}.", document.GetElementById("monitor-saved")!.GetAttribute("data-message"));
        Assert.Equal(string.Empty, document.QuerySelector("#Reading_Systolic")!.GetAttribute("value") ?? string.Empty);
        Assert.Equal(await FieldAsync(App, fixture.Now), document.QuerySelector("#Reading_TakenAt")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_reading_outside_physiological_limits_returns_422_with_the_allowed_range_and_keeps_what_was_typed()
    {
        var session = await SessionAsync(fixture);

        var response = await MonitorRequests.FetchAsync(
            session.Client, session, ReadingFields(await FieldAsync(App, fixture.Now), ("Reading.Systolic", "300"), ("Reading.Comment", "Cuff slipped?")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("Systolic blood pressure must be 50-260 mmHg.", document.GetElementById("reading-sys-error")!.TextContent);
        Assert.Equal("300", document.QuerySelector("#Reading_Systolic")!.GetAttribute("value"));
        Assert.Equal("Cuff slipped?", document.QuerySelector("#Reading_Comment")!.GetAttribute("value"));
        Assert.Equal("3", document.QuerySelector("#Reading_Moaas option[selected]")!.GetAttribute("value"));
        Assert.Empty((await LoadAsync(App, session.SessionId)).Readings);
    }

    [Theory]
    [InlineData("before", "A reading cannot be before the session started.")]
    [InlineData("future", "A reading cannot be in the future.")]
    [InlineData("after discharge", "A reading cannot be after the patient was discharged.")]
    public async Task A_reading_timed_outside_the_session_is_refused_beside_its_time(string when, string message)
    {
        var session = await SessionAsync(fixture, startedMinutesAgo: 150);
        if (when == "after discharge")
        {
            await DischargeAsync(fixture, session, minutesAgo: 10);
        }

        var at = when switch
        {
            "before" => fixture.Now.AddMinutes(-160),
            "future" => fixture.Now.AddMinutes(30),
            _ => fixture.Now.AddMinutes(-5),
        };

        var response = await MonitorRequests.PlainAsync(session.Client, session, "Reading", ReadingFields(await FieldAsync(App, at)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(message, document.GetElementById("reading-time-error")!.TextContent);
        Assert.Equal(when == "after discharge" ? 1 : 0, (await LoadAsync(App, session.SessionId)).Readings.Count);
    }

    [Fact]
    public async Task An_alert_reading_is_highlighted_with_its_finding_and_recommended_action_in_words()
    {
        var session = await SessionAsync(fixture);
        await ReadingAsync(fixture, session, minutesAgo: 20);
        await ReadingAsync(fixture, session, minutesAgo: 10, spO2: 88);

        var document = new HtmlParser().ParseDocument(await session.Client.GetStringAsync(session.Url));

        var rows = document.QuerySelectorAll("[data-testid='reading-row']");
        Assert.Equal([false, true], rows.Select(r => r.ClassList.Contains("table-danger")));
        var alert = Assert.Single(document.QuerySelectorAll("[data-testid='reading-alert']"));
        Assert.True(alert.ClassList.Contains("table-danger"));
        Assert.Contains("SpO2 88 % is below 92 %.", alert.TextContent, StringComparison.Ordinal);
        Assert.Contains("Recommended: Stop the infusion, rouse the patient", alert.TextContent, StringComparison.Ordinal);
        Assert.Same(rows[1].NextElementSibling, alert);
    }

    [Fact]
    public async Task Two_readings_posted_at_the_same_moment_by_two_clinicians_are_both_saved()
    {
        var session = await SessionAsync(fixture);
        var (other, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var at = await FieldAsync(App, fixture.Now.AddMinutes(-1));

        var responses = await Task.WhenAll(
            MonitorRequests.FetchAsync(session.Client, session, ReadingFields(at, ("Reading.Comment", "First clinician"))),
            MonitorRequests.FetchAsync(other, session, ReadingFields(at, ("Reading.Comment", "Second clinician"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var comments = (await LoadAsync(App, session.SessionId)).Readings.Select(r => r.Comment).Order().ToList();
        Assert.Equal(["First clinician", "Second clinician"], comments);
    }

    [Fact]
    public async Task The_next_reading_due_is_shown_in_clinic_time_and_flagged_overdue_when_late()
    {
        // Dosed 55 min ago, infusion over after 40 min, no reading since the dose: due 10 min after it (infusing), long overdue.
        var late = await SessionAsync(fixture, startedMinutesAgo: 60);
        var document = new HtmlParser().ParseDocument(await late.Client.GetStringAsync(late.Url));

        var overdue = document.QuerySelector("[data-testid='overdue']")!;
        Assert.False(overdue.HasAttribute("hidden"));
        Assert.Equal("status", overdue.GetAttribute("role"));
        Assert.Equal((await WallAsync(App, fixture.Now.AddMinutes(-45))).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            document.QuerySelector("[data-testid='next-due']")!.ChildNodes[0].TextContent.Trim());
        Assert.Equal("55", document.QuerySelector("[data-minutes-since]")!.TextContent);

        // A reading 2 min ago, after the infusion: the next is due 15 min after it, not yet overdue.
        var onTime = await SessionAsync(fixture, startedMinutesAgo: 60);
        await ReadingAsync(fixture, onTime, minutesAgo: 2);
        document = new HtmlParser().ParseDocument(await onTime.Client.GetStringAsync(onTime.Url));

        Assert.True(document.QuerySelector("[data-testid='overdue']")!.HasAttribute("hidden"));
        Assert.Equal((await WallAsync(App, fixture.Now.AddMinutes(13))).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            document.QuerySelector("[data-testid='next-due']")!.ChildNodes[0].TextContent.Trim());
        Assert.Contains("every 15 min", document.QuerySelector("[data-testid='monitor-bar']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_without_a_blood_pressure_does_not_reset_the_next_reading_due()
    {
        // Dosed 55 min ago, infusion over after 40 min: a row with only nausea and a comment 2 min ago leaves the 10-min reading overdue.
        var session = await SessionAsync(fixture, startedMinutesAgo: 60);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MonitoringService>().AddReadingAsync(session.PatientId, session.SessionId, new ReadingInput
            {
                TakenAt = await WallAsync(App, fixture.Now.AddMinutes(-2)), Nausea = Nausea.Mild, Comment = "Queasy, declined ondansetron.",
            }, session.ClinicianId);
        }

        var document = new HtmlParser().ParseDocument(await session.Client.GetStringAsync(session.Url));

        Assert.False(document.QuerySelector("[data-testid='overdue']")!.HasAttribute("hidden"));
        Assert.Equal((await WallAsync(App, fixture.Now.AddMinutes(-45))).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            document.QuerySelector("[data-testid='next-due']")!.ChildNodes[0].TextContent.Trim());
    }
}
