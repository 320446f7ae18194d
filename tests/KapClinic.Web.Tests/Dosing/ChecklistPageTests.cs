using System.Globalization;
using System.Net;
using KapClinic.Core.Dosing;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Patients;

namespace KapClinic.Web.Tests.Dosing;

public sealed class ChecklistPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task Vitals_outside_physiological_limits_are_refused_beside_the_field_with_the_range_and_the_typed_values_stay()
    {
        var (client, patientId, sessionId) = await SessionAsync();
        var url = $"/Patients/{patientId}/Dosing/{sessionId}/Checklist";

        var response = await HtmlForms.PostAsync(client, url, Fields(await DosingPagesData.VersionAsync(App, sessionId),
            ("Input.Systolic", "300"), ("Input.Diastolic", "80"), ("Input.SpO2", "40"), ("Input.WeightKg", "12"), ("Input.MoodScore", "4")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ChartTestData.ParseAsync(response);
        Assert.Equal("Systolic blood pressure must be 50-260 mmHg.", page.QuerySelector("#Input_Systolic-error")!.TextContent.Trim());
        Assert.Equal("SpO2 must be 50-100 %.", page.QuerySelector("#Input_SpO2-error")!.TextContent.Trim());
        Assert.Equal("Weight must be 30-300 kg.", page.QuerySelector("#Input_WeightKg-error")!.TextContent.Trim());
        Assert.Equal("300", page.QuerySelector("#Input_Systolic")!.GetAttribute("value"));
        Assert.Equal("Input_Systolic-error", page.QuerySelector("#Input_Systolic")!.GetAttribute("aria-describedby"));
        Assert.NotNull(page.QuerySelector("#mood-4[checked]"));
        Assert.Null((await DosingPagesData.LoadAsync(App, sessionId)).PreDoseSystolic);
    }

    [Fact]
    public async Task A_partly_filled_checklist_is_saved_and_the_status_says_what_is_still_missing()
    {
        var (client, patientId, sessionId) = await SessionAsync(cssrs: false);
        var url = $"/Patients/{patientId}/Dosing/{sessionId}/Checklist";

        var response = await HtmlForms.PostAsync(client, url, Fields(await DosingPagesData.VersionAsync(App, sessionId),
            ("Input.IdentityVerified", "true"), ("Input.WeightKg", "71.5")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(url, response.Headers.Location!.ToString());
        var page = await ChartTestData.GetDocumentAsync(client, url);
        var status = page.QuerySelector("[role=status].alert-success")!.TextContent;
        Assert.StartsWith("Checklist saved. Still missing: consent current, fasting confirmed,", status, StringComparison.Ordinal);
        Assert.Contains("pre-dose C-SSRS screener", status, StringComparison.Ordinal);
        Assert.DoesNotContain("identity verified", status, StringComparison.Ordinal);
        Assert.DoesNotContain("weight of the day", status, StringComparison.Ordinal);
        Assert.Equal("71.5", page.QuerySelector("#Input_WeightKg")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("#Input_IdentityVerified[checked]"));
        var link = page.QuerySelector("[data-testid=checklist-cssrs] a")!;
        Assert.Equal(("Take the C-SSRS screener", $"/Patients/{patientId}/Measures/New?instrument=CssrsScreener", "_blank"), (link.TextContent, link.GetAttribute("href"), link.GetAttribute("target")));
        Assert.Equal(71.5m, (await DosingPagesData.LoadAsync(App, sessionId)).WeightKg);
    }

    [Fact]
    public async Task A_complete_checklist_links_the_pre_dose_cssrs_and_goes_on_to_the_dose()
    {
        var (client, patientId, sessionId) = await SessionAsync();
        var url = $"/Patients/{patientId}/Dosing/{sessionId}/Checklist";
        var complete = DosingPagesData.CompleteChecklist();

        var response = await HtmlForms.PostAsync(client, url, Fields(await DosingPagesData.VersionAsync(App, sessionId), [.. ToFields(complete)]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Patients/{patientId}/Dosing/{sessionId}/Dose", response.Headers.Location!.ToString());
        var session = await DosingPagesData.LoadAsync(App, sessionId);
        Assert.Empty(session.Checklist.Missing(session.PreDoseCssrsRisk));
        Assert.Equal(Core.Integration.RiskLevel.Low, session.PreDoseCssrsRisk);
        Assert.Contains("Low risk", (await ChartTestData.GetDocumentAsync(client, url)).QuerySelector("[data-testid=checklist-cssrs]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_version_shows_the_conflict_and_keeps_what_was_typed()
    {
        var (client, patientId, sessionId) = await SessionAsync();
        var url = $"/Patients/{patientId}/Dosing/{sessionId}/Checklist";
        var stale = await DosingPagesData.VersionAsync(App, sessionId);
        Assert.Equal(HttpStatusCode.Redirect, (await HtmlForms.PostAsync(client, url, Fields(stale, ("Input.Fasting", "true")))).StatusCode);

        var response = await HtmlForms.PostAsync(client, url, Fields(stale, ("Input.RideHomeName", "Jo Bloggs")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ChartTestData.ParseAsync(response);
        Assert.NotEmpty(page.QuerySelector(".validation-summary-errors")!.TextContent.Trim());
        Assert.Equal("Jo Bloggs", page.QuerySelector("#Input_RideHomeName")!.GetAttribute("value"));
        Assert.NotEqual(stale.ToString(CultureInfo.InvariantCulture), page.QuerySelector("input[name='Input.Version']")!.GetAttribute("value"));
    }

    private async Task<(HttpClient Client, Guid PatientId, Guid SessionId)> SessionAsync(bool cssrs = true)
    {
        var (patientId, courseId) = await DosingPagesData.ReadyCourseAsync(App);
        var prescriberId = await TestUsers.CreateAsync(App, ClinicRoles.Clinician, prescriber: true);
        var (client, nurseId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        return (client, patientId, await DosingPagesData.SessionAsync(App, patientId, courseId, nurseId, prescriberId, cssrs: cssrs));
    }

    private static List<KeyValuePair<string, string>> Fields(uint version, params (string Key, string Value)[] fields) =>
        [new("Input.Version", version.ToString(CultureInfo.InvariantCulture)), .. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))];

    private static IEnumerable<(string, string)> ToFields(ChecklistInput c) =>
    [
        ("Input.IdentityVerified", "true"), ("Input.ConsentCurrent", "true"), ("Input.Fasting", "true"),
        ("Input.NoContraindicatedMedicationToday", "true"), ("Input.RideHomeName", c.RideHomeName!), ("Input.RideHomePhone", c.RideHomePhone!),
        ("Input.PregnancyTest", c.PregnancyTest!.Value.ToString()), ("Input.Intention", c.Intention!), ("Input.MoodScore", c.MoodScore!.Value.ToString(CultureInfo.InvariantCulture)),
        ("Input.WeightKg", c.WeightKg!.Value.ToString(CultureInfo.InvariantCulture)), ("Input.Systolic", c.Systolic!.Value.ToString(CultureInfo.InvariantCulture)),
        ("Input.Diastolic", c.Diastolic!.Value.ToString(CultureInfo.InvariantCulture)), ("Input.HeartRate", "72"), ("Input.SpO2", "98"), ("Input.RespiratoryRate", "14"),
    ];
}
