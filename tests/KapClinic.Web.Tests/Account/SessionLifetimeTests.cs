using System.Net;
using KapClinic.Core.Data;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace KapClinic.Web.Tests.Account;

/// <summary>The app on a clock the test moves, to prove the idle timeout and the absolute lifetime.</summary>
public sealed class FakeClockFixture : AppFixture
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 28, 14, 0, 0, TimeSpan.Zero));

    protected override KapClinicAppFactory Configure(KapClinicAppFactory app) =>
        app.WithServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
}

public sealed class SessionLifetimeTests(FakeClockFixture fixture) : IClassFixture<FakeClockFixture>
{
    [Fact]
    public async Task A_session_idle_for_more_than_30_minutes_must_sign_in_again()
    {
        var (client, _) = await TestUsers.SignedInAsync(fixture.Factory, ClinicRoles.Staff);
        fixture.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        fixture.Clock.Advance(TimeSpan.FromMinutes(31));

        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_active_session_ends_after_12_hours()
    {
        var (client, _) = await TestUsers.SignedInAsync(fixture.Factory, ClinicRoles.Staff);

        // Busy all day: a request every 20 minutes keeps the sliding idle timeout alive.
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(11.5); elapsed += TimeSpan.FromMinutes(20))
        {
            fixture.Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        }

        fixture.Clock.Advance(TimeSpan.FromMinutes(40));

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Idle_time_is_measured_on_the_server_whichever_copy_of_the_cookie_is_sent()
    {
        var (client, _, savedAtSignIn) = await SessionCookies.SignInAsync(fixture.Factory, ClinicRoles.Staff);
        fixture.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode); // the server sees activity

        fixture.Clock.Advance(TimeSpan.FromMinutes(25)); // 45 minutes after sign-in, 25 after the last request
        Assert.Equal(HttpStatusCode.OK, (await SessionCookies.ReplayAsync(fixture.Factory, savedAtSignIn)).StatusCode);

        fixture.Clock.Advance(TimeSpan.FromMinutes(31));
        SessionCookies.AssertSentToSignIn(await SessionCookies.ReplayAsync(fixture.Factory, savedAtSignIn));
        SessionCookies.AssertSentToSignIn(await client.GetAsync("/"));
    }

    [Fact]
    public async Task The_absolute_lifetime_refuses_a_replayed_cookie_however_busy_the_session_was()
    {
        var (client, _, saved) = await SessionCookies.SignInAsync(fixture.Factory, ClinicRoles.Staff);
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(11.75); elapsed += TimeSpan.FromMinutes(15))
        {
            fixture.Clock.Advance(TimeSpan.FromMinutes(15));
            Assert.Equal(HttpStatusCode.OK, (await SessionCookies.ReplayAsync(fixture.Factory, saved)).StatusCode);
        }

        fixture.Clock.Advance(TimeSpan.FromMinutes(20)); // 12 h 5 min after sign-in

        SessionCookies.AssertSentToSignIn(await SessionCookies.ReplayAsync(fixture.Factory, saved));
        SessionCookies.AssertSentToSignIn(await client.GetAsync("/"));
    }

    [Fact]
    public async Task Last_seen_is_written_at_most_once_a_minute()
    {
        var (client, userId, _) = await SessionCookies.SignInAsync(fixture.Factory, ClinicRoles.Staff);
        var signedInAt = fixture.Clock.GetUtcNow();

        fixture.Clock.Advance(TimeSpan.FromSeconds(20));
        await client.GetAsync("/");
        fixture.Clock.Advance(TimeSpan.FromSeconds(20));
        await client.GetAsync("/");
        Assert.Equal(signedInAt, await LastSeenAsync(userId));

        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        await client.GetAsync("/");
        Assert.Equal(signedInAt.AddSeconds(70), await LastSeenAsync(userId));
    }

    private async Task<DateTimeOffset> LastSeenAsync(Guid userId)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().UserSessions
            .Where(s => s.UserId == userId).Select(s => s.LastSeenAt).SingleAsync();
    }
}
