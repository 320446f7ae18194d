using System.Net;
using KapClinic.Core.Auditing;
using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Measures;
using KapClinic.Core.Screening;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static KapClinic.Web.Tests.Patients.ChartTestData;

namespace KapClinic.Web.Tests.Patients;

public sealed class PatientChartTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task The_chart_header_shows_name_age_mrn_status_weight_and_height()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var born = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-41).AddDays(-10);
        var id = await AddPatientAsync(App, Details("Grace", "Hopper", born, heightCm: 170), p =>
        {
            p.RecordWeight(new DateOnly(2026, 10, 1), 70.0m, Guid.NewGuid(), RecordedAt);
            p.RecordWeight(new DateOnly(2026, 11, 2), 72.5m, Guid.NewGuid(), RecordedAt);
        });

        var document = await GetDocumentAsync(client, $"/Patients/{id}");

        var header = document.QuerySelector("#chart-header")!.TextContent;
        Assert.Equal("Grace Hopper", document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("41 years", header, StringComparison.Ordinal);
        Assert.Matches(@"MRN KAP-\d{6}", header);
        Assert.Contains("Referred", header, StringComparison.Ordinal);
        Assert.Contains("72.5 kg", header, StringComparison.Ordinal);
        Assert.Contains("2 Nov 2026", header, StringComparison.Ordinal);
        Assert.Contains("170 cm", header, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector($"a[href='/Patients/Edit/{id}']"));
        Assert.NotNull(document.QuerySelector("#measure-trends"));
        foreach (var section in new[] { "overview", "courses", "screening", "measures", "consents", "medications", "allergies", "diagnoses", "weights" })
        {
            var landmark = document.QuerySelector($"section#{section}");
            Assert.NotNull(landmark);
            Assert.NotNull(document.GetElementById(landmark.GetAttribute("aria-labelledby")!));
        }
    }

    [Fact]
    public async Task The_chart_shows_danger_alerts_for_absolute_contraindication_suicide_risk_and_high_cssrs()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var id = await AddPatientAsync(App, build: p => p.AddAllergy("Penicillin", "hives", RecordedAt), records: pid =>
        [
            NewScreening(pid, 1, ScreeningResult.Clear),
            NewScreening(pid, 2, ScreeningResult.Absolute, "History of psychosis or mania: yes (absolute)"),
            Measure(pid, Instrument.Phq9, RecordedAt.AddDays(-5)),
            Measure(pid, Instrument.Phq9, RecordedAt, 14, "SuicideRisk"),
            Measure(pid, Instrument.CssrsScreener, RecordedAt, 0, "CssrsHighRisk"),
        ]);

        var alerts = AlertsIn(await GetDocumentAsync(client, $"/Patients/{id}"));

        Assert.Contains(alerts, a => a.Level == "Danger" && a.Text.Contains("Absolute contraindication (screening version 2)", StringComparison.Ordinal)
            && a.Text.Contains("History of psychosis or mania", StringComparison.Ordinal));
        Assert.Contains(alerts, a => a.Level == "Danger" && a.Text.Contains("Suicide risk", StringComparison.Ordinal));
        Assert.Contains(alerts, a => a.Level == "Danger" && a.Text.Contains("C-SSRS screener: high risk", StringComparison.Ordinal));
        Assert.Contains(alerts, a => a.Level == "Warning" && a.Text.Contains("Allergy: Penicillin (hives).", StringComparison.Ordinal));
        Assert.Contains(alerts, a => a.Level == "Warning" && a.Text.Contains("Consent missing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_chart_shows_warnings_for_relative_contraindication_moderate_cssrs_and_expired_consent()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var id = await AddPatientAsync(App, records: pid =>
        [
            NewScreening(pid, 1, ScreeningResult.Relative, "Glaucoma: yes (relative)"),
            Measure(pid, Instrument.CssrsScreener, RecordedAt.AddDays(-30), 0, "CssrsHighRisk"),
            Measure(pid, Instrument.CssrsScreener, RecordedAt, 0, "CssrsModerateRisk"),
            Measure(pid, Instrument.Phq9, RecordedAt.AddDays(-30), 20, "SuicideRisk"),
            Measure(pid, Instrument.Phq9, RecordedAt, 4),
            KapConsent(pid, new DateOnly(2020, 1, 10)),
        ]);

        var alerts = AlertsIn(await GetDocumentAsync(client, $"/Patients/{id}"));

        Assert.Contains(alerts, a => a.Level == "Warning" && a.Text.Contains("Relative contraindication", StringComparison.Ordinal));
        Assert.Contains(alerts, a => a.Level == "Warning" && a.Text.Contains("C-SSRS screener: moderate risk", StringComparison.Ordinal));
        Assert.Contains(alerts, a => a.Level == "Warning" && a.Text.Contains("Consent expired", StringComparison.Ordinal) && a.Text.Contains("10 Jan 2021", StringComparison.Ordinal));
        Assert.DoesNotContain(alerts, a => a.Level == "Danger"); // only the latest PHQ-9 and C-SSRS count
    }

    [Fact]
    public async Task The_chart_shows_courses_with_progress_and_the_latest_measure_per_instrument()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var id = await AddPatientAsync(App, records: pid =>
        [
            new TreatmentCourse(pid, DefaultProtocols.IvKetamineId, new DateOnly(2026, 11, 3), Guid.NewGuid(), RecordedAt),
            Measure(pid, Instrument.Phq9, RecordedAt.AddDays(-20), 21),
            Measure(pid, Instrument.Phq9, RecordedAt, 9),
            Measure(pid, Instrument.Gad7, RecordedAt, 6),
        ]);

        var document = await GetDocumentAsync(client, $"/Patients/{id}");

        var courses = document.QuerySelector("#courses")!;
        Assert.Contains("IV ketamine series", courses.TextContent, StringComparison.Ordinal);
        Assert.Contains("0 of 13 planned sessions", courses.TextContent, StringComparison.Ordinal);
        Assert.Equal("0 of 13 planned sessions", courses.QuerySelector("[role=progressbar]")!.GetAttribute("aria-valuetext"));
        var rows = document.QuerySelectorAll("#latest-measures tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains("PHQ-9", StringComparison.Ordinal) && r.Contains('9') && !r.Contains("21", StringComparison.Ordinal));
        Assert.NotNull(document.QuerySelector($"#measures a[href='/Patients/{id}/Measures/New']"));
        Assert.NotNull(document.QuerySelector($"#screening a[href='/Patients/{id}/Screening']"));
    }

    [Fact]
    public async Task Viewing_the_chart_writes_exactly_one_audit_row_for_the_patient()
    {
        var (client, userId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var id = await AddPatientAsync(App);
        var before = (await AuditRowsFor(id)).Select(r => r.Id).ToHashSet();

        await GetDocumentAsync(client, $"/Patients/{id}");

        var row = Assert.Single(await AuditRowsFor(id), r => !before.Contains(r.Id));
        Assert.Equal(AuditActions.PatientChartViewed, row.Action);
        Assert.Equal(userId, row.UserId);
        Assert.Equal(id, row.EntityId);
    }

    [Fact]
    public async Task Staff_cannot_open_the_chart()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);
        var id = await AddPatientAsync(App);

        var response = await client.GetAsync($"/Patients/{id}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await AuditRowsFor(id, AuditActions.PatientChartViewed));
    }

    [Fact]
    public async Task An_unknown_patient_is_not_found()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);

        var response = await client.GetAsync($"/Patients/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Names_are_shown_encoded()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var id = await AddPatientAsync(App, Details("<script>alert(1)</script>", "Tables"), p => p.AddAllergy("<b>latex</b>", null, RecordedAt));

        var html = await client.GetStringAsync($"/Patients/{id}");

        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>latex</b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    private async Task<List<AuditEvent>> AuditRowsFor(Guid patientId, string? action = null)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        return await db.AuditEvents.AsNoTracking()
            .Where(e => e.PatientId == patientId && (action == null || e.Action == action))
            .ToListAsync();
    }
}
