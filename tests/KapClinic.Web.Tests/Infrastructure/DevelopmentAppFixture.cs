using KapClinic.TestSupport;

namespace KapClinic.Web.Tests.Infrastructure;

/// <summary>The app in Development, for `totp EMAIL` (`./build.sh code EMAIL`).</summary>
public sealed class DevelopmentAppFixture : AppFixture
{
    protected override KapClinicAppFactory Configure(KapClinicAppFactory app) => app.WithEnvironment("Development");
}
