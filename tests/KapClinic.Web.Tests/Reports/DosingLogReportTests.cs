using KapClinic.Core.Auditing;
using KapClinic.Core.Exports;
using KapClinic.Core.Reports;
using KapClinic.TestSupport;

namespace KapClinic.Web.Tests.Reports;

/// <summary>The dosing log against the hand-built sessions of <see cref="ClinicalReportSeed"/>.</summary>
public sealed class DosingLogReportTests(ClinicalReportsFixture fixture) : IClassFixture<ClinicalReportsFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    private ClinicalReportSeed Seed => fixture.Seed;

    [Fact]
    public async Task A_clinician_sees_one_row_per_dose_in_the_period_with_peak_bp_lowest_spo2_events_and_overrides()
    {
        var preview = await ReportRuns.PreviewAsync(App, ReportKeys.DosingLog, ReportRuns.Period(), Seed.ClinicianA);

        var zoe = await ClinicalReportSeed.MrnAsync(App, Seed.Zoe);
        var ada = await ClinicalReportSeed.MrnAsync(App, Seed.Ada);
        var li = await ClinicalReportSeed.MrnAsync(App, Seed.Li);
        Assert.Equal(
            ["Given at", "MRN", "Initials", "Drug", "Route", "Dose mg", "mg/kg", "Lot", "Pre-dose BP", "Peak BP", "Lowest SpO2", "Adverse events",
             "Adverse event details", "Monitoring minutes", "Overrides", "Override reasons"],
            preview.Headers);
        Assert.Equal(4, preview.Rows.Count);
        Assert.Equal(["2026-11-10 11:15", li, "L.W.", "Esketamine", "Intranasal", "56", "0.8", "LOT-E1", "128/82", "138/86", "98", "0", null, "125"], preview.Rows[0].Take(14));
        var row = preview.Rows[1];
        Assert.Equal(["2026-11-15 11:15", zoe, "Z.Ñ.", "Esketamine", "Intranasal", "56", "0.8", ClinicalReportSeed.FormulaLot, "128/82", "150/84", "95"], row.Take(11));
        Assert.Equal("1 (Mild)", row[11]);
        Assert.Equal($"NauseaVomiting (Mild): {ClinicalReportSeed.AdverseText}", row[12]);
        Assert.Equal("125", row[13]);
        Assert.StartsWith("2 (", row[14], StringComparison.Ordinal);
        Assert.Contains(ClinicalReportSeed.OverrideText, row[15], StringComparison.Ordinal);
        Assert.Equal(["2026-11-16 11:10", ada, "A.L.", "Ketamine", "Intramuscular", "35", "0.5", "KET-24-118", "122/78", "130/85", "97", "0", null, null], preview.Rows[2].Take(14));
        Assert.Equal("2026-11-17 09:15", preview.Rows[3][0]);
        Assert.Equal(
            [new("Doses", "4"), new("Sessions", "4"), new("Patients", "3"), new("Sessions with adverse events", "1"), new ReportTotal("Overrides", "8")],
            preview.Totals);
    }

    [Fact]
    public async Task The_clinician_filter_keeps_only_that_clinicians_sessions()
    {
        var preview = await ReportRuns.PreviewAsync(App, ReportKeys.DosingLog, ReportRuns.Period(clinician: Seed.ClinicianA), Seed.Admin);

        Assert.Equal(["2026-11-15 11:15", "2026-11-16 11:10"], preview.Rows.Select(r => r[0]));
        Assert.Equal("2", preview.Totals.Single(t => t.Label == "Doses").Value);
        Assert.Equal("2", preview.Totals.Single(t => t.Label == "Patients").Value);
    }

    [Fact]
    public async Task A_staff_export_has_counts_and_severities_but_no_event_description_or_override_reason()
    {
        var csv = await ReportRuns.ExportAsync(App, ReportKeys.DosingLog, ExportFormat.Csv, ReportRuns.Period(), Seed.Staff);
        var pdf = await ReportRuns.ExportAsync(App, ReportKeys.DosingLog, ExportFormat.Pdf, ReportRuns.Period(), Seed.Staff);

        var rows = ReportRuns.Csv(csv);
        Assert.DoesNotContain("Adverse event details", rows[0]);
        Assert.DoesNotContain("Override reasons", rows[0]);
        Assert.Equal("1 (Mild)", rows[2][Array.IndexOf(rows[0], "Adverse events")]);
        var (_, text) = ReportRuns.Pdf(pdf);
        foreach (var secret in new[] { ClinicalReportSeed.AdverseText, ClinicalReportSeed.OverrideText })
        {
            Assert.DoesNotContain(secret, System.Text.Encoding.UTF8.GetString(csv), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, ReportRuns.Squeezed(text), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_clinicians_csv_round_trips_with_iso_times_the_description_and_the_formula_lot_neutralised()
    {
        var csv = await ReportRuns.ExportAsync(App, ReportKeys.DosingLog, ExportFormat.Csv, ReportRuns.Period(), Seed.ClinicianB);

        var rows = ReportRuns.Csv(csv);
        Assert.Equal(5, rows.Count);
        Assert.Equal("2026-11-15T11:15:00-05:00", rows[2][0]);
        Assert.Equal("Z.Ñ.", rows[2][2]);
        Assert.Equal("'" + ClinicalReportSeed.FormulaLot, rows[2][7]);
        Assert.Contains(ClinicalReportSeed.AdverseText, rows[2][12], StringComparison.Ordinal);
        Assert.Contains(ClinicalReportSeed.OverrideText, rows[2][15], StringComparison.Ordinal);

        var audit = Assert.Single(await ReportRuns.AuditsAsync(App, AuditActions.ReportExported, Seed.ClinicianB));
        Assert.Equal(AuditOutcome.Success, audit.Outcome);
        Assert.Contains($"report={ReportKeys.DosingLog} format=Csv from=2026-11-09 to=2026-11-17", audit.Detail, StringComparison.Ordinal);
        Assert.EndsWith("rows=4", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clinicians_pdf_has_the_heading_the_rows_the_description_and_the_totals()
    {
        var pdf = await ReportRuns.ExportAsync(App, ReportKeys.DosingLog, ExportFormat.Pdf, ReportRuns.Period(), Seed.ClinicianA);

        var (pages, text) = ReportRuns.Pdf(pdf);
        Assert.Equal(1, pages);
        Assert.Contains("Dosing log", text, StringComparison.Ordinal);
        Assert.Contains("Z.Ñ.", text, StringComparison.Ordinal);
        Assert.Contains(ClinicalReportSeed.AdverseText, ReportRuns.Squeezed(text), StringComparison.Ordinal);
        Assert.Contains("Sessions with adverse events: 1", text, StringComparison.Ordinal);
        Assert.Contains("Page 1 of 1", text, StringComparison.Ordinal);
    }
}
