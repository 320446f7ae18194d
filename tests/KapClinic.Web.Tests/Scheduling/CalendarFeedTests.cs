using System.Net;
using System.Text.RegularExpressions;
using KapClinic.Core.Data;
using KapClinic.Core.Scheduling;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static KapClinic.Web.Tests.Scheduling.ScheduleSeed;

namespace KapClinic.Web.Tests.Scheduling;

public sealed partial class CalendarFeedTests(ScheduleFixture fixture) : IClassFixture<ScheduleFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task The_feed_carries_uid_utc_times_type_initials_and_room_and_never_the_patients_name()
    {
        var (clinician, me) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var room = await RoomAsync(App, "Feed dosing room");
        var day = new DateOnly(2026, 12, 3);
        var dosing = await AppointmentAsync(App, await PatientAsync(App, "Marisol", "Nakamura-Feed"), me, room, At(day, 10), TimeSpan.FromHours(3));
        var cancelled = await AppointmentAsync(App, await PatientAsync(App, "Cal", "Cancelled"), me, room, At(day, 14), TimeSpan.FromHours(1), then: a => a.Cancel("Unwell"));
        var tooFar = await AppointmentAsync(App, await PatientAsync(App, "Far", "Future"), me, room, At(day.AddDays(120), 9), TimeSpan.FromHours(1));
        var someoneElses = await AppointmentAsync(App, await PatientAsync(App, "Else", "Where"), await ClinicianAsync(App, "Dr Else"), null, At(day, 10), TimeSpan.FromHours(1));

        var url = await CreateFeedAsync(clinician);
        var response = await TestUsers.NewClient(App).GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        Assert.Contains($"UID:{dosing}", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20261203T150000Z", ics, StringComparison.Ordinal);
        Assert.Contains("DTEND:20261203T180000Z", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Dosing · M.N.", ics, StringComparison.Ordinal);
        Assert.Contains("LOCATION:Feed dosing room", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("Nakamura", ics, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Marisol", ics, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(cancelled.ToString(), ics, StringComparison.Ordinal);
        Assert.DoesNotContain(tooFar.ToString(), ics, StringComparison.Ordinal);
        Assert.DoesNotContain(someoneElses.ToString(), ics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_hash_of_the_token_is_stored_and_the_url_is_shown_once()
    {
        var (clinician, me) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);

        var url = await CreateFeedAsync(clinician);
        var token = url[(url.LastIndexOf('/') + 1)..^4];

        Assert.Equal(43, token.Length); // 32 bytes, base64url without padding
        var stored = await WithAsync(App, sp => sp.GetRequiredService<KapClinicDbContext>().CalendarFeeds.SingleAsync(f => f.ClinicianId == me));
        Assert.Equal(CalendarFeedService.Hash(token), stored.TokenHash);
        Assert.NotEqual(token, stored.TokenHash);
        var later = await clinician.GetStringAsync("/Schedule/Feed");
        Assert.DoesNotContain(token, later, StringComparison.Ordinal);
        Assert.Contains("You have a calendar feed", later, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_or_unknown_token_gets_404_and_rotating_invalidates_the_old_url()
    {
        var (clinician, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var anonymous = TestUsers.NewClient(App);
        var first = await CreateFeedAsync(clinician);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(first)).StatusCode);

        var second = await CreateFeedAsync(clinician);

        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(second)).StatusCode);

        var revoke = await HtmlForms.PostAsync(clinician, "/Schedule/Feed", [], "/Schedule/Feed?handler=Revoke");
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(second)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/calendar/not-a-real-token.ics")).StatusCode);
    }

    [Fact]
    public async Task The_feed_page_is_for_clinicians_only()
    {
        var (staff, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/Schedule/Feed")).StatusCode);
    }

    private static async Task<string> CreateFeedAsync(HttpClient clinician)
    {
        var response = await HtmlForms.PostAsync(clinician, "/Schedule/Feed", [], "/Schedule/Feed?handler=Create");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var match = FeedUrl().Match(await response.Content.ReadAsStringAsync());
        Assert.True(match.Success, "The new feed's URL is shown after creating it.");
        return new Uri(match.Groups[1].Value).PathAndQuery;
    }

    [GeneratedRegex("id=\"feed-url\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex FeedUrl();
}
