using KapClinic.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace KapClinic.BrowserTests;

/// <summary>
/// A <see cref="BrowserFixture"/> whose app runs on a clock that stands still until the test moves it (from the real
/// time the fixture starts, to the minute), so a journey can reach "an hour later" without waiting. The browser keeps
/// its own clock: pages that count time on the client read the server's "now" from the page.
/// Move it in steps shorter than the 30-minute idle timeout, with a request in between, or the sign-in expires.
/// </summary>
public sealed class FakeClockBrowserFixture : BrowserFixture
{
    public FakeTimeProvider Clock { get; } = new(ToTheMinute(DateTimeOffset.UtcNow));

    public DateTimeOffset Now => Clock.GetUtcNow();

    protected override KapClinicAppFactory Configure(KapClinicAppFactory app) =>
        app.WithServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));

    private static DateTimeOffset ToTheMinute(DateTimeOffset at) => new(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, TimeSpan.Zero);
}
