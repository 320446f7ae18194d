using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Reports;

/// <summary>The app with a SQL command counter, to show the FHIR export sends a fixed number of queries whatever the record holds.</summary>
public sealed class FhirFixture : AppFixture
{
    public SqlCommandCounter Commands { get; } = new();

    protected override KapClinicAppFactory Configure(KapClinicAppFactory app) =>
        app.WithServices(s => s.AddSingleton<IInterceptor>(Commands));
}
