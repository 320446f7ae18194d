using KapClinic.Core.Demo;
using KapClinic.Core.Users;
using KapClinic.Core.Users.Mfa;
using KapClinic.TestSupport;
using KapClinic.Web.Infrastructure.Cli;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Infrastructure;

public sealed class TotpCommandTests(DevelopmentAppFixture fixture) : IClassFixture<DevelopmentAppFixture>
{
    [Fact]
    public async Task Prints_the_current_code_of_a_demo_user_in_development()
    {
        const string email = "nurse@kapclinic.test";
        var id = await TestUsers.CreateWithoutMfaAsync(fixture.Factory, ClinicRoles.Clinician, email);
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MfaEnrolment>().EnrolWithKnownSecretAsync(id, DemoSeeder.MfaSecretFor(email));
        }

        var (output, error) = (new StringWriter(), new StringWriter());
        var exitCode = await TotpCommand.RunAsync(fixture.Factory.Services, [email], output, error);

        Assert.Equal(0, exitCode);
        var printed = output.ToString().Trim();
        var now = DateTimeOffset.UtcNow;
        Assert.Contains(printed, new[] { TotpCodes.CodeAt(DemoSeeder.MfaSecretFor(email), now), TotpCodes.CodeAt(DemoSeeder.MfaSecretFor(email), now.AddSeconds(-30)) });
    }

    [Fact]
    public async Task Refuses_an_account_that_is_not_a_demo_user()
    {
        var email = $"real-{Guid.NewGuid():N}@clinic.test";
        await TestUsers.CreateAsync(fixture.Factory, ClinicRoles.Admin, email);
        var (output, error) = (new StringWriter(), new StringWriter());

        var exitCode = await TotpCommand.RunAsync(fixture.Factory.Services, [email], output, error);

        Assert.Equal(2, exitCode);
        Assert.Empty(output.ToString());
        Assert.Contains("demo account", error.ToString(), StringComparison.Ordinal);
    }
}
