using System.Text;
using KapClinic.Core.Auditing;
using KapClinic.Core.Courses;
using KapClinic.Core.Exports;
using KapClinic.Core.Patients;
using KapClinic.Core.Reports;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Integration;

namespace KapClinic.Web.Tests.Reports;

/// <summary>Session activity against the hand-built sessions of <see cref="ClinicalReportSeed"/>.</summary>
public sealed class SessionActivityReportTests(ClinicalReportsFixture fixture) : IClassFixture<ClinicalReportsFixture>
{
    private const string Esketamine = "Esketamine (Spravato) induction";

    private KapClinicAppFactory App => fixture.Factory;

    private ClinicalReportSeed Seed => fixture.Seed;

    [Fact]
    public async Task Every_session_of_the_period_in_the_clinic_zone_is_one_row_in_time_order_with_totals_per_type()
    {
        var preview = await ReportRuns.PreviewAsync(App, ReportKeys.SessionActivity, ReportRuns.Period(), Seed.Staff);

        var zoe = await ClinicalReportSeed.MrnAsync(App, Seed.Zoe);
        var ada = await ClinicalReportSeed.MrnAsync(App, Seed.Ada);
        var li = await ClinicalReportSeed.MrnAsync(App, Seed.Li);
        var ola = await ClinicalReportSeed.MrnAsync(App, Seed.Ola);
        Assert.Equal(["Date and time", "Type", "MRN", "Initials", "Clinician", "Protocol", "Status", "Minutes"], preview.Headers);
        string?[][] expected =
        [
            ["2026-11-10 10:00", "Preparation", zoe, "Z.Ñ.", "Nina Ångström", Esketamine, "Signed", "50"],
            ["2026-11-10 11:00", "Dosing", li, "L.W.", "Bo Brown", Esketamine, "Signed", "140"],
            ["2026-11-11 10:00", "Preparation", ola, "O.B.", "Nina Ångström", "IV ketamine series", "Draft", "50"],
            ["2026-11-15 11:00", "Dosing", zoe, "Z.Ñ.", "Nina Ångström", Esketamine, "Signed", "140"],
            ["2026-11-16 11:00", "Dosing", ada, "A.L.", "Nina Ångström", "IM ketamine-assisted psychotherapy", "Draft", null],
            ["2026-11-17 09:00", "Dosing", li, "L.W.", "Bo Brown", Esketamine, "Signed", "140"],
            ["2026-11-17 23:30", "Integration", zoe, "Z.Ñ.", "Nina Ångström", Esketamine, "Signed", "50"],
        ];
        Assert.Equal(expected, preview.Rows.Select(r => r.ToArray()));
        Assert.Equal(
            [new("Preparation sessions", "2"), new("Dosing sessions", "4"), new("Integration sessions", "1"), new ReportTotal("All sessions", "7")],
            preview.Totals);
    }

    [Fact]
    public async Task The_clinician_protocol_and_patient_status_filters_apply_to_rows_and_totals()
    {
        var byClinician = await ReportRuns.PreviewAsync(App, ReportKeys.SessionActivity, ReportRuns.Period(clinician: Seed.ClinicianB), Seed.Admin);
        var byProtocol = await ReportRuns.PreviewAsync(App, ReportKeys.SessionActivity, ReportRuns.Period(protocol: DefaultProtocols.ImKapId), Seed.Admin);
        var byStatus = await ReportRuns.PreviewAsync(App, ReportKeys.SessionActivity, ReportRuns.Period(status: PatientStatus.Eligible), Seed.Admin);

        Assert.Equal(["2026-11-10 11:00", "2026-11-17 09:00"], byClinician.Rows.Select(r => r[0]));
        Assert.Equal("2", byClinician.Totals.Single(t => t.Label == "All sessions").Value);
        Assert.Equal(["2026-11-16 11:00"], byProtocol.Rows.Select(r => r[0]));
        Assert.Equal(["2026-11-11 10:00"], byStatus.Rows.Select(r => r[0]));
        Assert.Equal("1", byStatus.Totals.Single(t => t.Label == "Preparation sessions").Value);
        Assert.Equal("0", byStatus.Totals.Single(t => t.Label == "Dosing sessions").Value);
    }

    [Fact]
    public async Task The_csv_round_trips_with_iso_times_and_non_ascii_names_and_neither_export_holds_note_text()
    {
        var csv = await ReportRuns.ExportAsync(App, ReportKeys.SessionActivity, ExportFormat.Csv, ReportRuns.Period(), Seed.ClinicianA);
        var pdf = await ReportRuns.ExportAsync(App, ReportKeys.SessionActivity, ExportFormat.Pdf, ReportRuns.Period(), Seed.ClinicianA);

        var rows = ReportRuns.Csv(csv);
        Assert.Equal(8, rows.Count);
        Assert.Equal(["2026-11-17T23:30:00-05:00", "Integration", await ClinicalReportSeed.MrnAsync(App, Seed.Zoe), "Z.Ñ.", "Nina Ångström", Esketamine, "Signed", "50"], rows[7]);
        Assert.Equal(string.Empty, rows[5][7]);
        var (pages, text) = ReportRuns.Pdf(pdf);
        Assert.Equal(1, pages);
        Assert.Contains("Nina Ångström", text, StringComparison.Ordinal);
        Assert.Contains("All sessions: 7", text, StringComparison.Ordinal);
        foreach (var body in new[] { Encoding.UTF8.GetString(csv), ReportRuns.Squeezed(text) })
        {
            Assert.DoesNotContain(ReportRuns.Squeezed(IntegrationData.DistinctiveSentence), ReportRuns.Squeezed(body), StringComparison.Ordinal);
            Assert.DoesNotContain("Ñúñez", body, StringComparison.Ordinal);
        }

        var audits = await ReportRuns.AuditsAsync(App, AuditActions.ReportExported, Seed.ClinicianA);
        Assert.Contains($"report={ReportKeys.SessionActivity} format=Pdf from=2026-11-09 to=2026-11-17 rows=7", audits.Select(a => a.Detail));
    }

    [Fact]
    public async Task A_preview_is_audited_with_its_filters_and_row_count()
    {
        await ReportRuns.PreviewAsync(App, ReportKeys.SessionActivity, ReportRuns.Period(clinician: Seed.ClinicianB), Seed.Staff);

        var audits = await ReportRuns.AuditsAsync(App, AuditActions.ReportPreviewed, Seed.Staff);
        Assert.Contains($"report={ReportKeys.SessionActivity} from=2026-11-09 to=2026-11-17 clinician={Seed.ClinicianB} rows=2", audits.Select(a => a.Detail));
    }
}
