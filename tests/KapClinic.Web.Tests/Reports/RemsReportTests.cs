using KapClinic.Core.Auditing;
using KapClinic.Core.Exports;
using KapClinic.Core.Reports;
using KapClinic.TestSupport;

namespace KapClinic.Web.Tests.Reports;

/// <summary>The REMS forms report on 18 November 2026 against the esketamine sessions of <see cref="ClinicalReportSeed"/>.</summary>
public sealed class RemsReportTests(ClinicalReportsFixture fixture) : IClassFixture<ClinicalReportsFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    private ClinicalReportSeed Seed => fixture.Seed;

    [Fact]
    public async Task Each_dosed_esketamine_session_shows_its_form_due_overdue_or_submitted_with_totals_per_status()
    {
        var preview = await ReportRuns.PreviewAsync(App, ReportKeys.Rems, ReportRuns.Period(), Seed.Staff);

        var zoe = await ClinicalReportSeed.MrnAsync(App, Seed.Zoe);
        var li = await ClinicalReportSeed.MrnAsync(App, Seed.Li);
        string?[][] expected =
        [
            [li, "L.W.", "2026-11-10", "2026-11-17", "Overdue", null, null, null],
            [zoe, "Z.Ñ.", "2026-11-15", "2026-11-22", "Due", null, null, null],
            [li, "L.W.", "2026-11-17", "2026-11-24", "Submitted", "2026-11-18", "REMS-77", "Bo Brown"],
        ];
        Assert.Equal(expected, preview.Rows.Select(r => r.ToArray()));
        Assert.Equal(
            [new("Due", "1"), new("Overdue", "1"), new("Submitted", "1"), new ReportTotal("All forms", "3")],
            preview.Totals);
    }

    [Fact]
    public async Task The_date_range_selects_sessions_by_their_day_in_the_clinic_zone()
    {
        var preview = await ReportRuns.PreviewAsync(App, ReportKeys.Rems, new ReportFilter { From = new(2026, 11, 11), To = new(2026, 11, 16) }, Seed.ClinicianA);

        Assert.Equal(["2026-11-15"], preview.Rows.Select(r => r[2]));
        Assert.Equal([new("Due", "1"), new("Overdue", "0"), new("Submitted", "0"), new ReportTotal("All forms", "1")], preview.Totals);
    }

    [Fact]
    public async Task The_csv_and_pdf_exports_read_back_and_are_audited()
    {
        var csv = ReportRuns.Csv(await ReportRuns.ExportAsync(App, ReportKeys.Rems, ExportFormat.Csv, ReportRuns.Period(), Seed.Staff));
        var (pages, text) = ReportRuns.Pdf(await ReportRuns.ExportAsync(App, ReportKeys.Rems, ExportFormat.Pdf, ReportRuns.Period(), Seed.Staff));

        Assert.Equal(["MRN", "Initials", "Session date", "Due by", "Status", "Submitted on", "Confirmation number", "Recorded by"], csv[0]);
        Assert.Equal(4, csv.Count);
        Assert.Equal(["Z.Ñ.", "2026-11-15", "2026-11-22", "Due", string.Empty], csv[2][1..6]);
        Assert.Equal(1, pages);
        Assert.Contains("REMS forms", text, StringComparison.Ordinal);
        Assert.Contains("Overdue: 1", text, StringComparison.Ordinal);
        var audits = await ReportRuns.AuditsAsync(App, AuditActions.ReportExported, Seed.Staff);
        Assert.Contains($"report={ReportKeys.Rems} format=Pdf from=2026-11-09 to=2026-11-17 rows=3", audits.Select(a => a.Detail));
    }
}
