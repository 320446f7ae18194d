using KapClinic.Core.Users;
using KapClinic.TestSupport;
using static KapClinic.Web.Tests.Patients.ChartTestData;

namespace KapClinic.Web.Tests.Dosing;

/// <summary>The REMS list of a clinic with no esketamine session yet (a database of its own).</summary>
public sealed class RemsDueEmptyTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task With_nothing_overdue_the_overdue_card_is_not_outlined_in_red()
    {
        var (client, _) = await TestUsers.SignedInAsync(fixture.Factory, ClinicRoles.Clinician);

        var page = await GetDocumentAsync(client, "/Dosing/Rems");

        var overdue = page.QuerySelector("[data-testid=rems-overdue]")!;
        Assert.Contains("No form is overdue.", overdue.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("border-danger", overdue.ClassName, StringComparison.Ordinal);
    }
}
