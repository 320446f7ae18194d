using KapClinic.TestSupport;
using KapClinic.Web.Infrastructure.Cli;

namespace KapClinic.Web.Tests.Infrastructure;

public sealed class TotpCommandOutsideDevelopmentTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Refuses_to_run_outside_development()
    {
        var (output, error) = (new StringWriter(), new StringWriter());

        var exitCode = await TotpCommand.RunAsync(fixture.Factory.Services, ["admin@kapclinic.test"], output, error);

        Assert.Equal(2, exitCode);
        Assert.Empty(output.ToString());
        Assert.Contains("only in Development", error.ToString(), StringComparison.Ordinal);
    }
}
