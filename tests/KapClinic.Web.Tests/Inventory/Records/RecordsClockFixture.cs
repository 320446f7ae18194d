using KapClinic.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace KapClinic.Web.Tests.Inventory.Records;

/// <summary>The app on a clock the test moves (from Monday 2 November 2026, 10:00 in New York, the clinic's default zone).</summary>
public class RecordsClockFixture : AppFixture
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.Zero));

    protected override KapClinicAppFactory Configure(KapClinicAppFactory app) =>
        app.WithServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
}
