using System.Net;
using AngleSharp.Html.Parser;
using KapClinic.Core.Dosing;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using static KapClinic.Web.Tests.Dosing.DosingData;

namespace KapClinic.Web.Tests.Dosing;

/// <summary>The session page as a record: adverse events, the infusion's end, signing, the lock after it, addenda and co-signature.</summary>
public sealed class SessionRecordTests(DosingFixture fixture) : IClassFixture<DosingFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task A_serious_adverse_event_is_recorded_stands_out_and_is_marked_resolved_with_its_version()
    {
        var session = await SessionAsync(fixture);

        var recorded = await MonitorRequests.PlainAsync(session.Client, session, "Event", [
            new("Event.Type", nameof(AdverseEventType.RespiratoryDepression)), new("Event.Severity", nameof(AdverseEventSeverity.Serious)),
            new("Event.OnsetAt", await FieldAsync(App, fixture.Now.AddMinutes(-30))), new("Event.ActionTaken", "Jaw thrust, oxygen 2 L; prescriber called.")]);

        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var document = new HtmlParser().ParseDocument(await session.Client.GetStringAsync(session.Url));
        var item = Assert.Single(document.QuerySelectorAll("[data-testid='adverse-event']"));
        Assert.True(item.ClassList.Contains("is-serious"));
        Assert.Contains("Serious adverse event", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("Respiratory depression", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("not resolved", item.TextContent, StringComparison.Ordinal);
        var stored = Assert.Single((await LoadAsync(App, session.SessionId)).AdverseEvents);

        var stale = await MonitorRequests.PlainAsync(session.Client, session, "Resolve", [
            new("Resolve.EventId", stored.Id.ToString()), new("Resolve.Version", (stored.Version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Resolve.ResolvedAt", await FieldAsync(App, fixture.Now.AddMinutes(-10)))]);
        Assert.Contains("Someone else changed this adverse event a moment ago.", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var resolved = await MonitorRequests.PlainAsync(session.Client, session, "Resolve", [
            new("Resolve.EventId", stored.Id.ToString()), new("Resolve.Version", stored.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Resolve.ResolvedAt", await FieldAsync(App, fixture.Now.AddMinutes(-10)))]);

        Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
        Assert.Equal(fixture.Now.AddMinutes(-10), Assert.Single((await LoadAsync(App, session.SessionId)).AdverseEvents).ResolvedAt);
    }

    [Fact]
    public async Task An_adverse_event_of_type_other_without_a_description_is_refused_beside_the_field_and_the_form_stays_open()
    {
        var session = await SessionAsync(fixture);

        var response = await MonitorRequests.PlainAsync(session.Client, session, "Event", [
            new("Event.Type", nameof(AdverseEventType.Other)), new("Event.Severity", nameof(AdverseEventSeverity.Mild)),
            new("Event.OnsetAt", await FieldAsync(App, fixture.Now.AddMinutes(-5))), new("Event.ActionTaken", "Observation only.")]);

        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("Describe the event when its type is Other.", document.GetElementById("event-other-error")!.TextContent);
        Assert.True(document.QuerySelector("details.event-form")!.HasAttribute("open"));
        Assert.Equal("Observation only.", document.QuerySelector("#Event_ActionTaken")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_end_of_a_running_infusion_is_recorded_from_the_doses_table()
    {
        var session = await SessionAsync(fixture, startedMinutesAgo: 40, infusionMinutes: null);
        var page = await session.Client.GetStringAsync(session.Url);
        Assert.Contains("after the infusion", page, StringComparison.Ordinal);
        var administration = Assert.Single((await LoadAsync(App, session.SessionId)).Administrations);

        var response = await MonitorRequests.PlainAsync(session.Client, session, "EndInfusion", [
            new("Infusion.AdministrationId", administration.Id.ToString()), new("Infusion.EndAt", await FieldAsync(App, fixture.Now.AddMinutes(-2))),
            new("Infusion.RateMlPerHour", "6"), new("Infusion.Version", (await VersionAsync(App, session.SessionId)).ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var ended = Assert.Single((await LoadAsync(App, session.SessionId)).Administrations);
        Assert.Equal((fixture.Now.AddMinutes(-2), 6m), (ended.InfusionEndAt, ended.InfusionRateMlPerHour));
        Assert.DoesNotContain("handler=EndInfusion", await session.Client.GetStringAsync(session.Url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_author_sees_sign_once_discharged_and_signing_locks_every_form_of_the_page()
    {
        var session = await SessionAsync(fixture, startedMinutesAgo: 150);
        Assert.DoesNotContain("Sign session note", await session.Client.GetStringAsync(session.Url), StringComparison.Ordinal);
        await DischargeAsync(fixture, session, minutesAgo: 5);
        var (nurse, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        Assert.DoesNotContain("Sign session note", await nurse.GetStringAsync(session.Url), StringComparison.Ordinal);
        var before = await session.Client.GetStringAsync(session.Url);
        Assert.Contains("Sign session note", before, StringComparison.Ordinal);
        Assert.Contains("locks it with every dose, reading and event", before, StringComparison.Ordinal);

        var signed = await MonitorRequests.PlainAsync(session.Client, session, "Sign", [
            new("SignVersion", (await VersionAsync(App, session.SessionId)).ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        Assert.True((await LoadAsync(App, session.SessionId)).VerifyHash());
        var document = new HtmlParser().ParseDocument(await session.Client.GetStringAsync(session.Url));
        Assert.Equal("Signed", document.QuerySelector("[data-testid='session-status']")!.TextContent);
        Assert.Contains("content verified", document.QuerySelector("[data-testid='note-status']")!.TextContent, StringComparison.Ordinal);
        var handlers = document.QuerySelectorAll("form").Select(f => f.GetAttribute("action") ?? string.Empty).Where(a => a.Contains("handler=", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"{session.Url}?handler=Addendum"], handlers);

        var refused = await MonitorRequests.PlainAsync(session.Client, session, "Reading", ReadingFields(await FieldAsync(App, fixture.Now.AddMinutes(-7))));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var error = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync()).QuerySelector("[data-testid='reading-error']")!;
        Assert.Equal("This session is signed and can no longer change. Add an addendum instead.", error.TextContent);
        Assert.Single((await LoadAsync(App, session.SessionId)).Readings);
    }

    [Fact]
    public async Task An_addendum_is_added_to_a_signed_session_and_a_supervisor_co_signs_it()
    {
        var session = await SessionAsync(fixture, startedMinutesAgo: 150);
        await DischargeAsync(fixture, session, minutesAgo: 5, sign: true);

        var added = await MonitorRequests.PlainAsync(session.Client, session, "Addendum", [new("Addendum.Text", "Late entry: HR 84 at 10:50, not charted.")]);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal("Late entry: HR 84 at 10:50, not charted.", Assert.Single((await LoadAsync(App, session.SessionId)).Addenda).Text);
        Assert.Contains("Late entry: HR 84 at 10:50, not charted.", await session.Client.GetStringAsync(session.Url), StringComparison.Ordinal);

        var (supervisor, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician, supervisor: true);
        var coSigned = await MonitorRequests.PlainAsync(supervisor, session, "CoSign", []);

        Assert.Equal(HttpStatusCode.Redirect, coSigned.StatusCode);
        Assert.Contains("Co-signed by", await supervisor.GetStringAsync(session.Url), StringComparison.Ordinal);
    }
}
