using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace KapClinic.Web.Tests.Dosing;

/// <summary>The app on a fixed clock, Wednesday 18 November 2026, 11:00 in New York (the clinic's default zone), with a SQL command counter.</summary>
public sealed class DosingRecordsFixture : AppFixture
{
    public static readonly DateTimeOffset Now = new(2026, 11, 18, 16, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Today = new(2026, 11, 18);

    public FakeTimeProvider Clock { get; } = new(Now);

    public SqlCommandCounter Counter { get; } = new();

    protected override KapClinicAppFactory Configure(KapClinicAppFactory app) =>
        app.WithServices(s =>
        {
            s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            s.AddSingleton<IInterceptor>(Counter);
        });
}
