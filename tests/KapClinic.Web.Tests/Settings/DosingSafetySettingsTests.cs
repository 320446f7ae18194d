using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using KapClinic.Core.Dosing;
using KapClinic.Core.Settings;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Settings;

/// <summary>The "Dosing safety" section of the clinic settings: every threshold, validated, saved and audited with the settings.</summary>
public sealed class DosingSafetySettingsTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task An_admin_changes_the_dosing_thresholds_and_the_clinic_uses_them()
    {
        var (admin, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);
        var form = await FormAsync(admin);
        Assert.Equal("140", form["Input.Dosing.FlagSystolic"]);
        Assert.Equal("120", form["Input.Dosing.EsketamineMinimumMonitoringMinutes"]);

        form["Input.Dosing.FlagSystolic"] = "135";
        form["Input.Dosing.HoldSystolic"] = "155";
        form["Input.Dosing.HoldSpO2Below"] = "95";
        form["Input.Dosing.AlertHeartRateAbove"] = "125";
        form["Input.Dosing.PostInfusionIntervalMinutes"] = "20";
        form["Input.Dosing.EsketamineMinimumMonitoringMinutes"] = "150";
        var response = await HtmlForms.PostAsync(admin, "/Admin/Settings", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await SettingsAsync();
        Assert.Equal(
            DosingThresholds.Defaults with
            {
                FlagSystolic = 135, HoldSystolic = 155, HoldSpO2Below = 95, AlertHeartRateAbove = 125, PostInfusionIntervalMinutes = 20, EsketamineMinimumMonitoringMinutes = 150,
            },
            saved.Dosing);
        Assert.Equal("155", (await FormAsync(admin))["Input.Dosing.HoldSystolic"]);
        var page = await admin.GetStringAsync("/Admin/Settings");
        Assert.Contains("Default 160 mmHg; allowed 100-240.", System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_threshold_out_of_range_or_numbers_that_do_not_fit_together_are_refused_beside_the_fields_keeping_what_was_typed()
    {
        var (admin, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);
        var before = (await SettingsAsync()).Dosing;
        var form = await FormAsync(admin);
        form["Input.Dosing.HoldSystolic"] = "1600";
        form["Input.Dosing.EsketamineMinimumMonitoringMinutes"] = "90";

        var outOfRange = await HtmlForms.PostAsync(admin, "/Admin/Settings", form);
        var html = WebUtility.HtmlDecode(await outOfRange.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, outOfRange.StatusCode);
        var document = new HtmlParser().ParseDocument(html);
        Assert.Equal("The hold systolic pressure must be 100-240 mmHg.", document.GetElementById("Input_Dosing_HoldSystolic-error")!.TextContent.Trim());
        Assert.Equal("1600", document.GetElementById("Input_Dosing_HoldSystolic")!.GetAttribute("value"));
        Assert.Equal(string.Empty, document.GetElementById("dosing-error")?.TextContent.Trim() ?? string.Empty);
        Assert.Contains("the REMS requires at least 2 hours", document.GetElementById("Input_Dosing_EsketamineMinimumMonitoringMinutes-error")!.TextContent, StringComparison.Ordinal);

        form = await FormAsync(admin);
        form["Input.Dosing.FlagSystolic"] = "170";
        var together = await HtmlForms.PostAsync(admin, "/Admin/Settings", form);
        var togetherPage = new HtmlParser().ParseDocument(await together.Content.ReadAsStringAsync());

        Assert.Equal("The warning blood pressure must not be above the hold blood pressure.", togetherPage.GetElementById("dosing-error")!.TextContent.Trim());
        Assert.Equal(before, (await SettingsAsync()).Dosing);
    }

    [Fact]
    public void The_validator_accepts_the_defaults_and_checks_each_range()
    {
        var validator = new DosingThresholdsInputValidator();

        Assert.True(validator.Validate(DosingThresholdsInput.From(DosingThresholds.Defaults)).IsValid);
        Assert.Equal(DosingThresholds.Defaults, DosingThresholdsInput.From(DosingThresholds.Defaults).ToThresholds());
        Assert.False(validator.Validate(new DosingThresholdsInput { HoldSpO2Below = 101 }).IsValid);
        Assert.False(validator.Validate(new DosingThresholdsInput { PostInfusionIntervalMinutes = 4 }).IsValid);
        Assert.Equal(
            "The pre-dose SpO2 hold must not be below the monitoring alert.",
            Assert.Single(validator.Validate(new DosingThresholdsInput { HoldSpO2Below = 90 }).Errors).ErrorMessage);
    }

    private static async Task<Dictionary<string, string>> FormAsync(HttpClient admin)
    {
        var document = new HtmlParser().ParseDocument(await admin.GetStringAsync("/Admin/Settings"));
        return document.QuerySelectorAll("form input[name^='Input.'], form select[name^='Input.']")
            .ToDictionary(e => e.GetAttribute("name")!, e => (e is IHtmlSelectElement select ? select.Value : e.GetAttribute("value")) ?? string.Empty, StringComparer.Ordinal);
    }

    private async Task<ClinicSettings> SettingsAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ClinicSettingsService>().GetAsync();
    }
}
