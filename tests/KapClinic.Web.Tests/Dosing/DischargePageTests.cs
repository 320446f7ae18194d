using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using KapClinic.Core.Courses;
using KapClinic.TestSupport;
using static KapClinic.Web.Tests.Dosing.DosingData;

namespace KapClinic.Web.Tests.Dosing;

/// <summary>The discharge page: the minimum monitoring time, the vitals to compare, the instructions, the version round trip.</summary>
public sealed class DischargePageTests(DosingFixture fixture) : IClassFixture<DosingFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task The_form_shows_the_earliest_time_both_sets_of_vitals_the_instructions_and_defaults_to_now_and_the_ride_home()
    {
        var session = await SessionAsync(fixture, startedMinutesAgo: 150);
        await ReadingAsync(fixture, session, minutesAgo: 4, systolic: 126, diastolic: 81);

        var document = new HtmlParser().ParseDocument(await session.Client.GetStringAsync($"{session.Url}/Discharge"));

        // Dosed 145 min ago, infusion 40 min: earliest = end of infusion + 60 min = 45 min ago.
        Assert.Contains(Hm(await WallAsync(App, fixture.Now.AddMinutes(-45))), document.QuerySelector("[data-testid='earliest-discharge']")!.TextContent, StringComparison.Ordinal);
        var vitals = document.QuerySelector("[data-testid='vitals-compare']")!.TextContent;
        Assert.Contains("BP 124/80", vitals, StringComparison.Ordinal);
        Assert.Contains("BP 126/81", vitals, StringComparison.Ordinal);
        Assert.Contains("No alcohol or cannabis for 24 hours.", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(await FieldAsync(App, fixture.Now), document.QuerySelector("#Input_DischargedAt")!.GetAttribute("value"));
        Assert.Equal("Sam Rivera", document.QuerySelector("#Input_DischargedWith")!.GetAttribute("value"));
        Assert.Null(document.QuerySelector("#Input_ReadyToLeaveAt"));
    }

    [Fact]
    public async Task A_discharge_before_the_minimum_monitoring_time_is_refused_beside_the_time_and_keeps_the_account()
    {
        var session = await SessionAsync(fixture, startedMinutesAgo: 60);

        var response = await HtmlForms.PostAsync(session.Client, $"{session.Url}/Discharge", await FieldsAsync(session, fixture.Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("Discharge is allowed at the earliest 60 min after the dose ended", document.GetElementById("discharged-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("I saw my father's garden.", document.QuerySelector("#Input_PatientAccount")!.TextContent.Trim());
        Assert.Null((await LoadAsync(App, session.SessionId)).DischargedAt);
    }

    [Fact]
    public async Task A_discharge_after_the_minimum_is_recorded_and_returns_to_the_session_page()
    {
        var session = await SessionAsync(fixture, startedMinutesAgo: 150);
        await ReadingAsync(fixture, session, minutesAgo: 3);

        var response = await HtmlForms.PostAsync(session.Client, $"{session.Url}/Discharge", await FieldsAsync(session, fixture.Now.AddMinutes(-1)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(session.Url, response.Headers.Location!.ToString());
        var stored = await LoadAsync(App, session.SessionId);
        Assert.Equal((fixture.Now.AddMinutes(-1), "Sam Rivera", "I saw my father's garden."), (stored.DischargedAt, stored.DischargedWith, stored.PatientAccount));
        var page = new HtmlParser().ParseDocument(await session.Client.GetStringAsync(session.Url));
        Assert.Equal("Discharged", page.QuerySelector("[data-testid='session-status']")!.TextContent);
        Assert.Contains("Sign session note", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unmet_criterion_and_a_stale_version_are_explained_and_what_was_typed_is_kept()
    {
        var session = await SessionAsync(fixture, startedMinutesAgo: 150);
        await ReadingAsync(fixture, session, minutesAgo: 3);
        var fields = (await FieldsAsync(session, fixture.Now)).Where(f => f.Key != "Input.WalkingSteadily").ToList();

        var unmet = new HtmlParser().ParseDocument(await (await HtmlForms.PostAsync(session.Client, $"{session.Url}/Discharge", fields)).Content.ReadAsStringAsync());
        Assert.Equal("Confirm the patient walks steadily, or keep monitoring.", unmet.GetElementById("Input_WalkingSteadily-error")!.TextContent);
        Assert.True(unmet.QuerySelector("#Input_AlertAndOriented")!.HasAttribute("checked"));

        var stale = await HtmlForms.PostAsync(session.Client, $"{session.Url}/Discharge", [.. (await FieldsAsync(session, fixture.Now)).Where(f => f.Key != "Input.Version"), new("Input.Version", "1")]);

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var document = new HtmlParser().ParseDocument(await stale.Content.ReadAsStringAsync());
        Assert.Contains("Someone changed this session after you opened the discharge form", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("I saw my father's garden.", document.QuerySelector("#Input_PatientAccount")!.TextContent.Trim());
        Assert.Equal((await VersionAsync(App, session.SessionId)).ToString(CultureInfo.InvariantCulture), document.QuerySelector("#Input_Version")!.GetAttribute("value"));
    }

    [Fact]
    public async Task An_esketamine_session_asks_when_the_patient_was_ready_to_leave_and_counts_120_min_from_the_first_device()
    {
        var session = await SessionAsync(fixture, startedMinutesAgo: 100, protocolId: DefaultProtocols.EsketamineId);

        var document = new HtmlParser().ParseDocument(await session.Client.GetStringAsync($"{session.Url}/Discharge"));

        Assert.NotNull(document.QuerySelector("#Input_ReadyToLeaveAt"));
        Assert.Contains("without the 2-hour rule", document.GetElementById("ready-help")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Hm(await WallAsync(App, fixture.Now.AddMinutes(25))), document.QuerySelector("[data-testid='earliest-discharge']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_the_minimum_time_and_without_vitals_since_the_dose_the_page_says_so_above_the_submit_button()
    {
        var session = await SessionAsync(fixture, startedMinutesAgo: 60);

        var document = new HtmlParser().ParseDocument(await session.Client.GetStringAsync($"{session.Url}/Discharge"));

        var notYet = document.QuerySelector("[data-testid='discharge-not-yet']")!.TextContent;
        Assert.Contains("Too early: discharge is allowed from", notYet, StringComparison.Ordinal);
        Assert.Contains("No blood pressure has been taken since the dose", notYet, StringComparison.Ordinal);
        Assert.Equal("discharge-not-yet", document.QuerySelectorAll("button").Single(b => b.TextContent == "Discharge the patient").GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task A_latest_reading_beyond_an_alert_limit_is_shown_and_refuses_the_discharge_until_a_reading_within_limits()
    {
        var session = await SessionAsync(fixture, startedMinutesAgo: 150);
        await ReadingAsync(fixture, session, minutesAgo: 6, spO2: 90);
        var reading = Hm(await WallAsync(App, fixture.Now.AddMinutes(-6)));

        var page = new HtmlParser().ParseDocument(await session.Client.GetStringAsync($"{session.Url}/Discharge"));
        var refused = await HtmlForms.PostAsync(session.Client, $"{session.Url}/Discharge", await FieldsAsync(session, fixture.Now.AddMinutes(-1)));

        Assert.Contains($"The latest reading ({reading}: SpO2 90 %) is beyond an alert limit", page.QuerySelector("[data-testid='discharge-not-yet']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var summary = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync()).QuerySelector(".validation-summary-errors")!.TextContent;
        Assert.Contains($"The latest reading ({reading}: SpO2 90 %) is beyond an alert limit: take a new reading within limits before discharge.", summary, StringComparison.Ordinal);
        Assert.Null((await LoadAsync(App, session.SessionId)).DischargedAt);

        await ReadingAsync(fixture, session, minutesAgo: 3);
        var accepted = await HtmlForms.PostAsync(session.Client, $"{session.Url}/Discharge", await FieldsAsync(session, fixture.Now.AddMinutes(-1)));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    [Fact]
    public async Task An_esketamine_discharge_without_ready_to_leave_is_refused_beside_that_field()
    {
        var session = await SessionAsync(fixture, startedMinutesAgo: 150, protocolId: DefaultProtocols.EsketamineId);
        await ReadingAsync(fixture, session, minutesAgo: 3);

        var response = await HtmlForms.PostAsync(session.Client, $"{session.Url}/Discharge", await FieldsAsync(session, fixture.Now.AddMinutes(-1)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("Enter when the patient was ready to leave: the esketamine REMS form asks for it.", document.GetElementById("ready-error")!.TextContent);
        Assert.Contains("required for REMS", document.QuerySelector("label[for='Input_ReadyToLeaveAt']")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await LoadAsync(App, session.SessionId)).DischargedAt);
    }

    private async Task<List<KeyValuePair<string, string>>> FieldsAsync(DosedSession session, DateTimeOffset dischargedAt) =>
    [
        new("Input.PatientAccount", "I saw my father's garden."), new("Input.VitalsNearBaseline", "true"), new("Input.AlertAndOriented", "true"),
        new("Input.WalkingSteadily", "true"), new("Input.NauseaControlled", "true"), new("Input.ResponsibleAdultPresent", "true"),
        new("Input.InstructionsGiven", "true"), new("Input.DischargedAt", await FieldAsync(App, dischargedAt)), new("Input.DischargedWith", "Sam Rivera"),
        new("Input.Version", (await VersionAsync(App, session.SessionId)).ToString(CultureInfo.InvariantCulture)),
    ];

    private static string Hm(DateTime at) => at.ToString("HH:mm", CultureInfo.InvariantCulture);
}
