using KapClinic.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace KapClinic.Web.Tests.Reports;

/// <summary>
/// The app on a fixed clock, Wednesday 18 November 2026, 11:00 in New York (UTC-5, the clinic's default zone), with
/// the clinical sessions of <see cref="ClinicalReportSeed"/> made once per test class.
/// </summary>
public sealed class ClinicalReportsFixture : AppFixture
{
    public static readonly DateTimeOffset Now = new(2026, 11, 18, 16, 0, 0, TimeSpan.Zero);

    private ClinicalReportSeed? seed;

    public FakeTimeProvider Clock { get; } = new(Now);

    public ClinicalReportSeed Seed => seed ?? throw new InvalidOperationException("The fixture is not initialised.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        seed = await ClinicalReportSeed.CreateAsync(Factory);
    }

    protected override KapClinicAppFactory Configure(KapClinicAppFactory app) =>
        app.WithServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
}
