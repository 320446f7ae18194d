using KapClinic.Core.Auditing;
using KapClinic.Core.Exports;
using KapClinic.Core.Reports;
using KapClinic.TestSupport;

namespace KapClinic.Web.Tests.Reports;

/// <summary>Utilisation for the week of <see cref="UtilizationFixture"/>, computed by hand.</summary>
public sealed class UtilizationReportTests(UtilizationFixture fixture) : IClassFixture<UtilizationFixture>
{
    private static readonly ReportFilter Week = new() { From = new(2026, 11, 9), To = new(2026, 11, 15) };

    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task Rooms_then_clinicians_show_hours_booked_against_available_with_no_show_and_cancellation_rates()
    {
        var preview = await ReportRuns.PreviewAsync(App, ReportKeys.Utilization, Week, fixture.Staff);

        Assert.Equal(
            ["Kind", "Name", "Hours available", "Hours booked", "Utilisation %", "Appointments", "No-show rate %", "Cancellation rate %"], preview.Headers);
        string?[][] expected =
        [
            ["Room", "Room A", "50", "3", "6", "2", "50", "0"],
            ["Room", "Room B", "50", "1.5", "3", "2", "0", "50"],
            ["Clinician", "Renée Ørsted", "8", "3", "37.5", "3", "50", "33.3"],
            ["Clinician", "Tom Hall", "50", "2.5", "5", "2", "0", "0"],
        ];
        Assert.Equal(expected, preview.Rows.Select(r => r.ToArray()));
        ReportTotal[] totals =
        [
            new("Appointments", "5"), new("Hours booked", "5.5"), new("Clinician hours available", "58"), new("Clinician utilisation %", "9.5"),
            new("Room hours available", "100"), new("Room hours booked", "4.5"), new("Room utilisation %", "4.5"), new("No-show rate %", "25"),
            new("Cancellation rate %", "20"),
        ];
        Assert.Equal(totals, preview.Totals);
    }

    [Fact]
    public async Task The_clinician_filter_keeps_that_clinician_and_their_appointments_in_the_rooms()
    {
        var preview = await ReportRuns.PreviewAsync(App, ReportKeys.Utilization, Week with { ClinicianId = fixture.Renee }, fixture.Staff);

        string?[][] expected =
        [
            ["Room", "Room A", "50", "3", "6", "2", "50", "0"],
            ["Room", "Room B", "50", "0", "0", "1", null, "100"],
            ["Clinician", "Renée Ørsted", "8", "3", "37.5", "3", "50", "33.3"],
        ];
        Assert.Equal(expected, preview.Rows.Select(r => r.ToArray()));
        Assert.Equal("3", preview.Totals.Single(t => t.Label == "Appointments").Value);
        Assert.Equal("37.5", preview.Totals.Single(t => t.Label == "Clinician utilisation %").Value);
    }

    [Fact]
    public async Task The_csv_and_pdf_read_back_and_the_export_is_audited()
    {
        var csv = ReportRuns.Csv(await ReportRuns.ExportAsync(App, ReportKeys.Utilization, ExportFormat.Csv, Week, fixture.Staff));
        var (pages, text) = ReportRuns.Pdf(await ReportRuns.ExportAsync(App, ReportKeys.Utilization, ExportFormat.Pdf, Week, fixture.Staff));

        Assert.Equal(5, csv.Count);
        Assert.Equal(["Clinician", "Renée Ørsted", "8", "3", "37.5", "3", "50", "33.3"], csv[3]);
        Assert.Equal(1, pages);
        Assert.Contains("Renée Ørsted", text, StringComparison.Ordinal);
        Assert.Contains("Clinician utilisation %: 9.5", text, StringComparison.Ordinal);
        var audits = await ReportRuns.AuditsAsync(App, AuditActions.ReportExported, fixture.Staff);
        Assert.Contains($"report={ReportKeys.Utilization} format=Pdf from=2026-11-09 to=2026-11-15 rows=4", audits.Select(a => a.Detail));
    }
}
