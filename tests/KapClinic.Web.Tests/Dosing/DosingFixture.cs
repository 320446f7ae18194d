using KapClinic.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace KapClinic.Web.Tests.Dosing;

/// <summary>The app on a clock that stands still (at the real time the fixture starts, to the minute), so "now" is exact in every assertion.</summary>
public sealed class DosingFixture : AppFixture
{
    public FakeTimeProvider Clock { get; } = new(Truncate(DateTimeOffset.UtcNow));

    public DateTimeOffset Now => Clock.GetUtcNow();

    protected override KapClinicAppFactory Configure(KapClinicAppFactory app) =>
        app.WithServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));

    private static DateTimeOffset Truncate(DateTimeOffset at) => new(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, TimeSpan.Zero);
}
