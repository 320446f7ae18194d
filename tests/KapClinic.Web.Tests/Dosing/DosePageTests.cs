using System.Net;
using KapClinic.Core.Auditing;
using KapClinic.Core.Data;
using KapClinic.Core.Dosing;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Patients;
using KapClinic.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Dosing;

public sealed class DosePageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task A_pre_dose_blood_pressure_at_the_hold_blocks_the_dose_and_offers_the_override()
    {
        var s = await SessionAsync(DosingPagesData.CompleteChecklist(systolic: 164, diastolic: 96));

        var page = await ChartTestData.GetDocumentAsync(s.Nurse, s.DoseUrl);
        Assert.Equal(["BloodPressureHold"], page.QuerySelectorAll("[data-testid=dose-hold]").Select(h => h.GetAttribute("data-gate")));
        Assert.Null(page.QuerySelector("[data-testid=override]"));

        var response = await HtmlForms.PostAsync(s.Nurse, s.DoseUrl, await FieldsAsync(s));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refused = await ChartTestData.ParseAsync(response);
        Assert.Contains("164/96 is at or above the hold threshold 160/100", refused.QuerySelector("[data-testid=dose-holds]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Prescriber on site's password (Dr. Camila Núñez, MD)", refused.QuerySelector("label[for=Input_PrescriberPassword]")!.TextContent.Trim());
        Assert.Equal("off", refused.QuerySelector("#Input_PrescriberPassword")!.GetAttribute("autocomplete"));
        Assert.Equal("35", refused.QuerySelector("#Input_DoseMg")!.GetAttribute("value"));
        Assert.Equal("0.50 mg/kg at 70 kg", refused.QuerySelector("[data-testid=dose-per-kg]")!.TextContent.Trim());
        Assert.Empty((await DosingPagesData.LoadAsync(App, s.SessionId)).Administrations);
    }

    [Fact]
    public async Task A_nurse_records_the_dose_over_a_hold_with_the_prescribers_password_and_the_reason_is_kept_and_audited()
    {
        var s = await SessionAsync(DosingPagesData.CompleteChecklist(systolic: 164, diastolic: 96));
        const string Reason = "Rechecked after 15 min rest: 158/94, asymptomatic; usual BP 150s.";

        var response = await HtmlForms.PostAsync(s.Nurse, s.DoseUrl, await FieldsAsync(s, extra: [
            ("OverrideOffered", "true"), ("Input.OverrideReasons[BloodPressureHold]", Reason), ("Input.PrescriberPassword", TestUsers.Password)]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Patients/{s.PatientId}/Dosing/{s.SessionId}", response.Headers.Location!.ToString());
        var session = await DosingPagesData.LoadAsync(App, s.SessionId);
        var dose = Assert.Single(session.Administrations);
        Assert.Equal((35m, 0.5m, s.NurseId, s.PrescriberId), (dose.DoseMg, dose.MgPerKg, dose.GivenById, dose.PrescriberId));
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        var row = await db.GateOverrides.AsNoTracking().SingleAsync(o => o.NoteId == s.SessionId);
        Assert.Equal((DosingGate.BloodPressureHold, Reason, s.PrescriberId, dose.Id), (row.Gate, row.Reason, row.PrescriberId, row.AdministrationId));
        var audit = await db.AuditEvents.AsNoTracking().SingleAsync(a => a.Action == AuditActions.DosingGateOverridden && a.EntityId == s.SessionId);
        Assert.Equal((s.NurseId, s.PatientId, AuditOutcome.Success), (audit.UserId, (Guid?)audit.PatientId, audit.Outcome));
    }

    [Fact]
    public async Task The_status_after_an_override_names_the_dose_per_kg_and_the_override()
    {
        var s = await SessionAsync(DosingPagesData.CompleteChecklist(systolic: 164, diastolic: 96));

        await HtmlForms.PostAsync(s.Nurse, s.DoseUrl, await FieldsAsync(s, extra: [
            ("OverrideOffered", "true"), ("Input.OverrideReasons[BloodPressureHold]", "Rechecked."), ("Input.PrescriberPassword", TestUsers.Password)]));

        var page = await ChartTestData.GetDocumentAsync(s.Nurse, $"/Patients/{s.PatientId}/Courses/{s.CourseId}");
        var status = page.QuerySelector("[role=status].alert-success")!.TextContent;
        Assert.Equal("Dose recorded: 35 mg (0.50 mg/kg). Overridden by Dr. Camila Núñez, MD, reason recorded: blood pressure hold.", status);
    }

    [Fact]
    public async Task A_wrong_prescriber_password_is_refused_beside_the_password_and_nothing_is_recorded()
    {
        var s = await SessionAsync(DosingPagesData.CompleteChecklist(systolic: 164, diastolic: 96));

        var response = await HtmlForms.PostAsync(s.Nurse, s.DoseUrl, await FieldsAsync(s, extra: [
            ("OverrideOffered", "true"), ("Input.OverrideReasons[BloodPressureHold]", "Rechecked."), ("Input.PrescriberPassword", "not-the-password-1")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ChartTestData.ParseAsync(response);
        Assert.Equal("That is not Dr. Camila Núñez's password.", page.QuerySelector("#password-error")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("#Input_PrescriberPassword")!.GetAttribute("value"));
        Assert.Equal("Rechecked.", page.QuerySelector("#Input_OverrideReasons_BloodPressureHold")!.TextContent.Trim());
        Assert.Empty((await DosingPagesData.LoadAsync(App, s.SessionId)).Administrations);
    }

    [Fact]
    public async Task An_override_without_a_reason_asks_for_the_reason()
    {
        var s = await SessionAsync(DosingPagesData.CompleteChecklist(systolic: 164, diastolic: 96));

        var response = await HtmlForms.PostAsync(s.Nurse, s.DoseUrl, await FieldsAsync(s, extra: [("OverrideOffered", "true"), ("Input.PrescriberPassword", TestUsers.Password)]));

        var page = await ChartTestData.ParseAsync(response);
        Assert.Equal("Write why the prescriber overrides this hold, or withhold the dose.", page.QuerySelector("#override-error-BloodPressureHold")!.TextContent.Trim());
        Assert.Empty((await DosingPagesData.LoadAsync(App, s.SessionId)).Administrations);
    }

    [Fact]
    public async Task A_prescriber_overrides_with_a_reason_only()
    {
        var s = await SessionAsync(DosingPagesData.CompleteChecklist(systolic: 164, diastolic: 96));

        var refused = await ChartTestData.ParseAsync(await HtmlForms.PostAsync(s.Prescriber, s.DoseUrl, await FieldsAsync(s, s.PrescriberId)));
        Assert.NotNull(refused.QuerySelector("#Input_OverrideReasons_BloodPressureHold"));
        Assert.Null(refused.QuerySelector("#Input_PrescriberPassword"));

        var response = await HtmlForms.PostAsync(s.Prescriber, s.DoseUrl, await FieldsAsync(s, s.PrescriberId, extra: [("OverrideOffered", "true"), ("Input.OverrideReasons[BloodPressureHold]", "My call: proceed.")]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var session = await DosingPagesData.LoadAsync(App, s.SessionId);
        var row = Assert.Single(session.Overrides);
        Assert.Equal((s.PrescriberId, "My call: proceed."), (row.PrescriberId, row.Reason));
    }

    [Theory]
    [InlineData("35", true)]
    [InlineData("34.9", false)]
    [InlineData("70", true)]
    [InlineData("70.1", false)]
    public async Task The_dose_range_per_kg_is_checked_at_its_edges(string doseMg, bool recorded)
    {
        var s = await SessionAsync(DosingPagesData.CompleteChecklist(weightKg: 70m));

        var response = await HtmlForms.PostAsync(s.Nurse, s.DoseUrl, await FieldsAsync(s, doseMg: doseMg));

        Assert.Equal(recorded ? HttpStatusCode.Redirect : HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(recorded ? 1 : 0, (await DosingPagesData.LoadAsync(App, s.SessionId)).Administrations.Count);
        if (!recorded)
        {
            var page = await ChartTestData.ParseAsync(response);
            var hold = Assert.Single(page.QuerySelectorAll("[data-testid=dose-hold]"));
            Assert.Equal("DoseOutOfRange", hold.GetAttribute("data-gate"));
            Assert.Matches("(below the protocol's minimum of 35 mg|above the protocol's maximum of 70 mg) \\((0.5|1) mg/kg at 70 kg\\)", hold.TextContent);
        }
    }

    [Fact]
    public async Task A_dose_without_a_lot_or_with_a_negative_amount_is_refused_with_messages_and_no_route_means_the_protocols()
    {
        var s = await SessionAsync(DosingPagesData.CompleteChecklist());

        var response = await HtmlForms.PostAsync(s.Nurse, s.DoseUrl, await FieldsAsync(s, doseMg: "-5", extra: [("Input.LotNumber", ""), ("Input.Route", "")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ChartTestData.ParseAsync(response);
        Assert.Equal("The dose must be more than 0 mg.", page.QuerySelector("#Input_DoseMg-error")!.TextContent.Trim());
        Assert.Equal("Enter the lot number of the product given.", page.QuerySelector("#lot-error")!.TextContent.Trim());
        Assert.Equal(string.Empty, page.QuerySelector("#route-error")!.TextContent.Trim());
        Assert.Empty((await DosingPagesData.LoadAsync(App, s.SessionId)).Administrations);
    }

    [Fact]
    public async Task A_flagged_blood_pressure_warns_without_holding_and_a_second_dose_is_a_further_dose()
    {
        var s = await SessionAsync(DosingPagesData.CompleteChecklist(systolic: 146, diastolic: 88));
        var page = await ChartTestData.GetDocumentAsync(s.Nurse, s.DoseUrl);
        Assert.Contains("146/88", page.QuerySelector("[data-testid=dose-warning]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-testid=dose-clear]"));

        Assert.Equal(HttpStatusCode.Redirect, (await HtmlForms.PostAsync(s.Nurse, s.DoseUrl, await FieldsAsync(s))).StatusCode);

        var further = await ChartTestData.GetDocumentAsync(s.Nurse, s.DoseUrl);
        Assert.StartsWith("Further dose", further.Title, StringComparison.Ordinal);
        Assert.Contains("35 mg (0.50 mg/kg at 70 kg)", further.QuerySelector("[data-testid=given-so-far]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(further.QuerySelector("#WithheldReason"));
        var over = await ChartTestData.ParseAsync(await HtmlForms.PostAsync(s.Nurse, s.DoseUrl, await FieldsAsync(s, doseMg: "40")));
        Assert.Contains("A total of 75 mg", over.QuerySelector("[data-testid=dose-holds]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await HtmlForms.PostAsync(s.Nurse, s.DoseUrl, await FieldsAsync(s, doseMg: "10"))).StatusCode);
        Assert.Equal(45m, (await DosingPagesData.LoadAsync(App, s.SessionId)).TotalDoseMg);
    }

    [Fact]
    public async Task Withholding_the_dose_needs_a_reason_and_then_closes_the_dose_page()
    {
        var s = await SessionAsync(DosingPagesData.CompleteChecklist(systolic: 170, diastolic: 104));
        var handler = s.DoseUrl + "?handler=Withhold";
        var version = (await DosingPagesData.VersionAsync(App, s.SessionId)).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var empty = await HtmlForms.PostAsync(s.Nurse, s.DoseUrl, [new("WithheldReason", " "), new("Input.Version", version)], handler);
        Assert.Equal("Say why the dose was not given.", (await ChartTestData.ParseAsync(empty)).QuerySelector("#withheld-error")!.TextContent.Trim());

        var response = await HtmlForms.PostAsync(s.Nurse, s.DoseUrl, [new("WithheldReason", "BP stayed 170/104 after rest."), new("Input.Version", version)], handler);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("BP stayed 170/104 after rest.", (await DosingPagesData.LoadAsync(App, s.SessionId)).DoseWithheldReason);
        var again = await s.Nurse.GetAsync(s.DoseUrl);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    private async Task<List<KeyValuePair<string, string>>> FieldsAsync(Setup s, Guid? givenBy = null, string doseMg = "35", params (string Key, string Value)[] extra) =>
        DosingPagesData.DoseFields(
            await DosingPagesData.VersionAsync(App, s.SessionId), givenBy ?? s.NurseId, (await DosingPagesData.ClinicNowAsync(App)).AddMinutes(-2), doseMg, extra);

    private async Task<Setup> SessionAsync(ChecklistInput checklist)
    {
        var (patientId, courseId) = await DosingPagesData.ReadyCourseAsync(App);
        var (prescriber, prescriberId) = await ClinicalUsers.SignedInClinicianAsync(App, "Dr. Camila Núñez", "MD", prescriber: true);
        var (nurse, nurseId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var sessionId = await DosingPagesData.SessionAsync(App, patientId, courseId, nurseId, prescriberId, checklist);
        return new Setup(patientId, courseId, sessionId, nurse, nurseId, prescriber, prescriberId);
    }

    private sealed record Setup(Guid PatientId, Guid CourseId, Guid SessionId, HttpClient Nurse, Guid NurseId, HttpClient Prescriber, Guid PrescriberId)
    {
        public string DoseUrl => $"/Patients/{PatientId}/Dosing/{SessionId}/Dose";
    }
}
