using System.Net;
using KapClinic.Core.Users;
using KapClinic.TestSupport;

namespace KapClinic.Web.Tests.Settings;

public sealed class ClinicSettingsTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task Admin_sets_clinic_name_and_time_zone_and_the_shell_shows_the_name()
    {
        var (admin, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);
        var version = VersionIn(await admin.GetStringAsync("/Admin/Settings"));

        var response = await HtmlForms.PostAsync(admin, "/Admin/Settings",
            [new("Input.ClinicName", "Riverside Ketamine Clinic"), new("Input.TimeZoneId", "America/Chicago"), new("Input.Version", version)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var dashboard = await admin.GetStringAsync("/");
        Assert.Contains("Riverside Ketamine Clinic", dashboard, StringComparison.Ordinal);
        Assert.Contains("America/Chicago", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_time_zone_is_refused_beside_the_field()
    {
        var (admin, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);

        var response = await HtmlForms.PostAsync(admin, "/Admin/Settings",
            [new("Input.ClinicName", "Typed Name Kept"), new("Input.TimeZoneId", "Mars/Olympus_Mons"), new("Input.Version", "0")]);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose a time zone from the list.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Typed Name Kept\"", html, StringComparison.Ordinal);
    }

    private static string VersionIn(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"Input.Version\" value=\"(\\d+)\"");
        if (!match.Success)
        {
            match = System.Text.RegularExpressions.Regex.Match(html, "value=\"(\\d+)\"[^>]*name=\"Input.Version\"");
        }

        return match.Groups[1].Value;
    }
}
