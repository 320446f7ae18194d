using CsvHelper;
using KapClinic.Core.Auditing;
using KapClinic.Core.Courses;
using KapClinic.Core.Exports;
using KapClinic.Core.Patients;
using KapClinic.Core.Reports;
using UglyToad.PdfPig;

namespace KapClinic.Web.Tests.Reports;

public sealed class OutcomesReportTests(OutcomesFixture fixture) : IClassFixture<OutcomesFixture>
{
    private const string Iv = "IV ketamine series";
    private const string Esketamine = "Esketamine (Spravato) induction";

    private static readonly ReportFilter Year2025 = new() { From = new DateOnly(2025, 1, 1), To = new DateOnly(2025, 12, 31) };

    [Fact]
    public async Task Each_course_started_in_the_period_has_its_hand_computed_baseline_latest_change_response_and_remission()
    {
        var (bytes, rows) = await ReportCalls.ExportAsync(fixture.Factory, ReportKeys.Outcomes, ExportFormat.Csv, Year2025, fixture.ClinicianId);

        var csv = ReadCsv(bytes);
        Assert.Equal(4, rows);
        Assert.Equal(
            ["MRN", "Initials", "Protocol", "Course start", "Course status", "PHQ-9 baseline", "PHQ-9 latest", "PHQ-9 change", "PHQ-9 % change", "PHQ-9 response",
             "PHQ-9 remission", "GAD-7 baseline", "GAD-7 latest", "GAD-7 change", "GAD-7 % change", "GAD-7 response"],
            csv[0]);
        Assert.Equal([fixture.Mrns["A"], "Z.Ñ.", Iv, "2025-01-10", "Planned", "20", "4", "-16", "-80", "Yes", "Yes", "14", "6", "-8", "-57.1", "Yes"], csv[1]);
        Assert.Equal([fixture.Mrns["B"], "B.O.", Iv, "2025-01-20", "Planned", "18", "9", "-9", "-50", "Yes", "No", "10", "6", "-4", "-40", "No"], csv[2]);
        Assert.Equal([fixture.Mrns["C"], "C.L.", Esketamine, "2025-02-05", "Planned", "16", "12", "-4", "-25", "No", "No", "12", "", "", "", ""], csv[3]);
        Assert.Equal([fixture.Mrns["D"], "D.M.", Esketamine, "2025-04-15", "Planned", "15", "", "", "", "", "", "", "", "", "", ""], csv[4]);
        Assert.Equal(5, csv.Count);
    }

    [Fact]
    public async Task The_totals_count_only_courses_with_a_follow_up_in_the_rates()
    {
        var preview = await ReportCalls.PreviewAsync(fixture.Factory, ReportKeys.Outcomes, Year2025, fixture.ClinicianId);

        Assert.Equal(
            [("Courses", "4"), ("With PHQ-9 follow-up", "3"), ("PHQ-9 response rate", "66.7 % (2 of 3)"), ("PHQ-9 remission rate", "33.3 % (1 of 3)"),
             ("With GAD-7 follow-up", "2"), ("GAD-7 response rate", "50.0 % (1 of 2)")],
            preview.Totals.Select(t => (t.Label, t.Value)));
        Assert.Equal("-16", preview.Rows[0][7]);
        Assert.Equal("-80", preview.Rows[0][8]);
        Assert.False(preview.HasMore);
    }

    [Fact]
    public async Task The_charts_give_the_rates_by_protocol_and_by_month_of_course_start_with_gaps_where_no_course_was_followed_up()
    {
        var charts = await ReportCalls.ChartsAsync(fixture.Factory, ReportKeys.Outcomes, Year2025, fixture.ClinicianId);

        Assert.Equal(2, charts.Count);
        var byProtocol = charts[0];
        Assert.Equal([Esketamine, Iv], byProtocol.Categories);
        Assert.Equal(["PHQ-9 response", "PHQ-9 remission", "GAD-7 response"], byProtocol.Series.Select(s => s.Name));
        Assert.Equal([0d, 100d], byProtocol.Series[0].Values);
        Assert.Equal([0d, 50d], byProtocol.Series[1].Values);
        Assert.Equal([null, 50d], byProtocol.Series[2].Values);
        var byMonth = charts[1];
        Assert.Equal(["2025-01", "2025-02", "2025-03", "2025-04"], byMonth.Categories);
        Assert.Equal([100d, 0d, null, null], byMonth.Series[0].Values);
        Assert.Equal([50d, 0d, null, null], byMonth.Series[1].Values);
        Assert.Equal([50d, null, null, null], byMonth.Series[2].Values);
    }

    [Fact]
    public async Task Protocol_patient_status_and_clinician_filters_are_applied_in_sql()
    {
        async Task<IEnumerable<string?>> InitialsAsync(ReportFilter filter) =>
            (await ReportCalls.PreviewAsync(fixture.Factory, ReportKeys.Outcomes, filter, fixture.StaffId)).Rows.Select(r => r[1]);

        Assert.Equal(["C.L.", "D.M."], await InitialsAsync(Year2025 with { ProtocolId = DefaultProtocols.EsketamineId }));
        Assert.Equal(["E.P."], await InitialsAsync(new ReportFilter { PatientStatus = PatientStatus.Discharged }));
        Assert.Equal(["B.O."], await InitialsAsync(new ReportFilter { ClinicianId = fixture.SessionClinicianId }));
        Assert.Equal(["E.P.", "Z.Ñ.", "B.O.", "C.L.", "D.M."], await InitialsAsync(new ReportFilter()));
    }

    [Fact]
    public async Task A_staff_csv_export_round_trips_with_non_ascii_initials_and_is_audited_with_format_filters_and_rows()
    {
        var (bytes, _) = await ReportCalls.ExportAsync(fixture.Factory, ReportKeys.Outcomes, ExportFormat.Csv, Year2025, fixture.StaffId);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("Z.Ñ.", ReadCsv(bytes)[1][1]);
        var audit = Assert.Single(await ReportCalls.AuditAsync(fixture.Factory, fixture.StaffId, AuditActions.ReportExported));
        Assert.Equal(AuditOutcome.Success, audit.Outcome);
        Assert.Equal("report=outcomes format=Csv from=2025-01-01 to=2025-12-31 rows=4", audit.Detail);
    }

    [Fact]
    public async Task The_pdf_export_has_the_heading_rows_totals_and_page_numbers()
    {
        var (bytes, rows) = await ReportCalls.ExportAsync(fixture.Factory, ReportKeys.Outcomes, ExportFormat.Pdf, Year2025, fixture.ClinicianId);

        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(4, rows);
        Assert.Equal(1, pdf.NumberOfPages);
        var text = string.Join(' ', pdf.GetPage(1).GetWords().Select(w => w.Text));
        Assert.Contains("Outcomes", text, StringComparison.Ordinal);
        Assert.True(text.Contains(fixture.Mrns["D"], StringComparison.Ordinal), text);
        Assert.Contains(" baseline latest change % response remission baseline ", text, StringComparison.Ordinal);
        Assert.Contains("66.7 % (2 of 3)", text, StringComparison.Ordinal);
        Assert.Contains("Page 1 of 1", text, StringComparison.Ordinal);
    }

    private static List<string[]> ReadCsv(byte[] bytes)
    {
        using var csv = CsvReader.Create(bytes, new CsvReaderOptions { HasHeader = false, AllowLineBreaksInQuotes = true });
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add([.. Enumerable.Range(0, csv.FieldCount).Select(csv.GetString)]);
        }

        return rows;
    }
}
