using KapClinic.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace KapClinic.Web.Tests.Scheduling;

/// <summary>The app on a fixed clock: Monday 15 February 2027, 09:00 in New York (the clinic's default zone).</summary>
public sealed class SchedulingFixture : AppFixture
{
    public static readonly DateTimeOffset Now = new(2027, 2, 15, 14, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Now);

    protected override KapClinicAppFactory Configure(KapClinicAppFactory app) =>
        app.WithServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
}
