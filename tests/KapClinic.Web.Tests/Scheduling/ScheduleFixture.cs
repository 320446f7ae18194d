using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace KapClinic.Web.Tests.Scheduling;

/// <summary>The app on a clock the test sets (Wednesday 2 December 2026, 10:00 in New York) and with a SQL command counter.</summary>
public sealed class ScheduleFixture : AppFixture
{
    public static readonly DateOnly Today = new(2026, 12, 2);

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 2, 15, 0, 0, TimeSpan.Zero));

    public SqlCommandCounter Counter { get; } = new();

    protected override KapClinicAppFactory Configure(KapClinicAppFactory app) =>
        app.WithServices(s =>
        {
            s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            s.AddSingleton<IInterceptor>(Counter);
        });
}
