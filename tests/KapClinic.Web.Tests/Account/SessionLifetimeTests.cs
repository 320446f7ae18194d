using System.Net;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
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
}
