using System.Net;
using KapClinic.Core.Dosing;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Patients;
using KapClinic.Web.Tests.Support;

namespace KapClinic.Web.Tests.Dosing;

/// <summary>The dose page: one reason per hold, the route read-only, "given by" a clinician.</summary>
public sealed class DoseOverridePageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task Each_hold_has_its_own_labelled_reason_and_a_missing_one_is_marked_beside_it_with_the_typed_ones_kept()
    {
        var checklist = DosingPagesData.CompleteChecklist(systolic: 164, diastolic: 96);
        checklist.HeartRate = 118;
        var s = await SessionAsync(checklist);

        var response = await HtmlForms.PostAsync(s.Nurse, s.DoseUrl, await FieldsAsync(s, [
            ("OverrideOffered", "true"), ("Input.OverrideReasons[BloodPressureHold]", "Usual BP 150s; rechecked."), ("Input.PrescriberPassword", TestUsers.Password)]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ChartTestData.ParseAsync(response);
        Assert.Equal(["BloodPressureHold", "HeartRateHold"], page.QuerySelectorAll("[data-testid=override-reason]").Select(e => e.GetAttribute("data-gate")));
        var bp = page.QuerySelector("#Input_OverrideReasons_BloodPressureHold")!;
        var hr = page.QuerySelector("#Input_OverrideReasons_HeartRateHold")!;
        Assert.Equal(("Input.OverrideReasons[BloodPressureHold]", "Usual BP 150s; rechecked."), (bp.GetAttribute("name"), bp.TextContent.Trim()));
        Assert.Contains("Pre-dose heart rate 118/min is above the hold limit", page.QuerySelector("label[for=Input_OverrideReasons_HeartRateHold]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("164/96", page.QuerySelector("label[for=Input_OverrideReasons_BloodPressureHold]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("override-help override-error-HeartRateHold", hr.GetAttribute("aria-describedby"));
        Assert.Equal("Write why the prescriber overrides this hold, or withhold the dose.", page.QuerySelector("#override-error-HeartRateHold")!.TextContent.Trim());
        Assert.Equal(string.Empty, page.QuerySelector("#override-error-BloodPressureHold")!.TextContent.Trim());
        Assert.Equal(("true", "autofocus"), (hr.GetAttribute("aria-invalid"), hr.GetAttribute("autofocus")));
        Assert.Empty((await DosingPagesData.LoadAsync(App, s.SessionId)).Administrations);

        var done = await HtmlForms.PostAsync(s.Nurse, s.DoseUrl, await FieldsAsync(s, [
            ("OverrideOffered", "true"), ("Input.OverrideReasons[BloodPressureHold]", "Usual BP 150s; rechecked."),
            ("Input.OverrideReasons[HeartRateHold]", "Anxious; 96/min after rest."), ("Input.PrescriberPassword", TestUsers.Password)]));

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(
            [(DosingGate.BloodPressureHold, "Usual BP 150s; rechecked."), (DosingGate.HeartRateHold, "Anxious; 96/min after rest.")],
            (await DosingPagesData.LoadAsync(App, s.SessionId)).Overrides.OrderBy(o => o.Gate).Select(o => (o.Gate, o.Reason)));
    }

    [Fact]
    public async Task The_route_is_shown_read_only_and_another_route_posted_is_refused_beside_it()
    {
        var s = await SessionAsync(DosingPagesData.CompleteChecklist());

        var page = await ChartTestData.GetDocumentAsync(s.Nurse, s.DoseUrl);
        Assert.Null(page.QuerySelector("[name='Input.Route']"));
        Assert.Equal("IV (intravenous)", page.QuerySelector("[data-testid=dose-route]")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("#Input_InfusionEndAt"));

        var response = await HtmlForms.PostAsync(s.Nurse, s.DoseUrl, await FieldsAsync(s, [("Input.Route", "Oral")]));

        var refused = await ChartTestData.ParseAsync(response);
        Assert.Equal("This session follows the Intravenous protocol: the route is Intravenous.", refused.QuerySelector("#route-error")!.TextContent.Trim());
        Assert.Empty((await DosingPagesData.LoadAsync(App, s.SessionId)).Administrations);
    }

    [Fact]
    public async Task Given_by_a_user_who_is_not_a_clinician_is_refused_beside_given_by()
    {
        var s = await SessionAsync(DosingPagesData.CompleteChecklist());
        var staff = await TestUsers.CreateAsync(App, ClinicRoles.Staff);

        var response = await HtmlForms.PostAsync(s.Nurse, s.DoseUrl, await FieldsAsync(s, [("Input.GivenById", staff.ToString())]));

        var page = await ChartTestData.ParseAsync(response);
        Assert.Equal("Choose who gave the dose from the list: an active clinician.", page.QuerySelector("#given-by-error")!.TextContent.Trim());
        Assert.Empty((await DosingPagesData.LoadAsync(App, s.SessionId)).Administrations);
    }

    private async Task<List<KeyValuePair<string, string>>> FieldsAsync(Setup s, params (string Key, string Value)[] extra) =>
        DosingPagesData.DoseFields(
            await DosingPagesData.VersionAsync(App, s.SessionId), s.NurseId, (await DosingPagesData.ClinicNowAsync(App)).AddMinutes(-2), "35", [("Input.Route", ""), .. extra]);

    private async Task<Setup> SessionAsync(ChecklistInput checklist)
    {
        var (patientId, courseId) = await DosingPagesData.ReadyCourseAsync(App);
        var (_, prescriberId) = await ClinicalUsers.SignedInClinicianAsync(App, "Dr. Camila Núñez", "MD", prescriber: true);
        var (nurse, nurseId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var sessionId = await DosingPagesData.SessionAsync(App, patientId, courseId, nurseId, prescriberId, checklist);
        return new Setup(patientId, sessionId, nurse, nurseId);
    }

    private sealed record Setup(Guid PatientId, Guid SessionId, HttpClient Nurse, Guid NurseId)
    {
        public string DoseUrl => $"/Patients/{PatientId}/Dosing/{SessionId}/Dose";
    }
}
