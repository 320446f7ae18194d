using System.Net;
using KapClinic.Core.Settings;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Infrastructure.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Account;

/// <summary>The Admin setting that makes Staff set up an authenticator app too (its own database: the setting is clinic-wide).</summary>
public sealed class MfaStaffSettingTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task With_the_setting_on_staff_are_held_on_enrolment_at_their_next_sign_in()
    {
        var (admin, _) = await TestUsers.SignedInAsync(fixture.Factory, ClinicRoles.Admin);
        var settingsPage = await admin.GetStringAsync("/Admin/Settings");
        Assert.Contains("Staff must sign in with an authenticator app too", settingsPage, StringComparison.Ordinal);
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var settings = scope.ServiceProvider.GetRequiredService<ClinicSettingsService>();
            var current = await settings.GetAsync();
            await settings.UpdateAsync(new ClinicSettingsInput
            {
                ClinicName = current.ClinicName,
                TimeZoneId = current.TimeZoneId,
                RequireMfaForStaff = true,
                Version = current.Version,
            });
        }

        var email = $"staff-{Guid.NewGuid():N}@clinic.test";
        await TestUsers.CreateWithoutMfaAsync(fixture.Factory, ClinicRoles.Staff, email);
        var client = TestUsers.NewClient(fixture.Factory);
        await TestUsers.PostPasswordAsync(client, email, TestUsers.Password);

        var home = await client.GetAsync("/Patients");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal(MfaEnrolmentGate.EnrolPath, home.Headers.Location?.OriginalString);
        var checkbox = System.Text.RegularExpressions.Regex.Match(await admin.GetStringAsync("/Admin/Settings"), "<input[^>]*id=\"Input_RequireMfaForStaff\"[^>]*>").Value;
        Assert.Contains("checked", checkbox, StringComparison.Ordinal);
    }
}
