using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using KapClinic.Core.Auditing;
using KapClinic.Core.Data;
using KapClinic.Core.Reports;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Dosing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Reports;

/// <summary>The catalogue and the generic report page, shown with the dosing-vitals report (a session with two readings).</summary>
public sealed class ReportPagesTests(DosingFixture fixture) : IClassFixture<DosingFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task Each_role_sees_exactly_the_reports_their_role_may_run_and_staff_see_no_admin_only_report()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var all = scope.ServiceProvider.GetRequiredService<ReportService>().Definitions;
        foreach (var role in new[] { ClinicRoles.Admin, ClinicRoles.Clinician, ClinicRoles.Staff })
        {
            var (client, _) = await TestUsers.SignedInAsync(App, role);
            var page = await client.GetStringAsync("/Reports");
            Assert.Contains("href=\"/Reports\"", page, StringComparison.Ordinal);
            foreach (var definition in all)
            {
                var link = $"href=\"/Reports/{definition.Key}\"";
                Assert.Equal(definition.Roles.Contains(role), page.Contains(link, StringComparison.Ordinal));
            }

            Assert.Contains("Dosing vitals", page, StringComparison.Ordinal);
        }

        var staffPage = await (await TestUsers.SignedInAsync(App, ClinicRoles.Staff)).Client.GetStringAsync("/Reports");
        Assert.DoesNotContain($"/Reports/{ReportKeys.AuditLog}\"", staffPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_page_defaults_to_the_last_30_days_and_previews_readings_with_totals()
    {
        var session = await DosingData.SessionAsync(fixture, startedMinutesAgo: 90);
        await DosingData.ReadingAsync(fixture, session, minutesAgo: 70, systolic: 131, spO2: 95);
        await DosingData.ReadingAsync(fixture, session, minutesAgo: 60, systolic: 126, spO2: 97);
        var mrn = await DoseStockData.MrnAsync(App, session.PatientId);
        var (staff, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);

        var response = await staff.GetAsync($"/Reports/{ReportKeys.DosingVitals}");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var today = await DoseStockData.TodayAsync(App);
        Assert.Contains($"value=\"{DoseStockData.Date(today.AddDays(-29))}\"", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{DoseStockData.Date(today)}\"", page, StringComparison.Ordinal);
        Assert.Contains(mrn, page, StringComparison.Ordinal);
        Assert.Contains("<td>131</td>", page, StringComparison.Ordinal);
        Assert.Contains("Showing all", page, StringComparison.Ordinal);
        Assert.Matches("Lowest SpO2 \\(%\\)</dt><dd[^>]*>95<", page);
        Assert.Contains("Export CSV", page, StringComparison.Ordinal);
        Assert.Contains("Export XLSX", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Export PDF", page, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=2026-03-10&to=2026-03-01", "The last day must be on or after the first day.")]
    [InlineData("from=2020-01-01&to=2026-01-02", "Choose at most 5 years at a time.")]
    [InlineData("from=yesterday&to=2026-03-01", "Enter a day as yyyy-mm-dd.")]
    [InlineData("from=2026-03-01&to=2026-03-02&clinician=not-a-guid", "Choose a value from the list.")]
    public async Task Bad_filters_show_a_message_beside_the_field_and_no_preview(string query, string message)
    {
        var (staff, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);

        var response = await staff.GetAsync($"/Reports/{ReportKeys.DosingVitals}?{query}");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, page, StringComparison.Ordinal);
        Assert.Contains("is-invalid", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"preview\"", page, StringComparison.Ordinal);

        var export = await staff.GetAsync($"/Reports/{ReportKeys.DosingVitals}?handler=Export&format=csv&{query}");
        Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
        Assert.Contains(message, await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pdf")]
    [InlineData("docx")]
    [InlineData("")]
    [InlineData("1")]
    public async Task An_unknown_or_unoffered_format_gets_a_400_with_a_message(string format)
    {
        var (staff, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);

        var response = await staff.GetAsync($"/Reports/{ReportKeys.DosingVitals}?handler=Export&format={format}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Dosing vitals exports as CSV, XLSX only.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_report_is_404_for_the_page_and_its_export()
    {
        var (staff, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/Reports/no-such-report")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/Reports/no-such-report?handler=Export&format=csv")).StatusCode);
    }

    [Fact]
    public async Task A_csv_and_an_xlsx_export_stream_the_readings_and_each_writes_an_audit_row()
    {
        var session = await DosingData.SessionAsync(fixture, startedMinutesAgo: 50);
        await DosingData.ReadingAsync(fixture, session, minutesAgo: 40, systolic: 142, comment: "=HYPERLINK(\"secret note\")");
        var mrn = await DoseStockData.MrnAsync(App, session.PatientId);
        var (staff, staffId) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);

        var csv = await staff.GetAsync($"/Reports/{ReportKeys.DosingVitals}?handler=Export&format=csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.Equal("text/csv; charset=utf-8", csv.Content.Headers.ContentType!.ToString());
        Assert.Equal("no-store", csv.Headers.CacheControl!.ToString());
        Assert.EndsWith(".csv", csv.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
        Assert.StartsWith("Session start,MRN,Initials,Taken at,Minutes since dose,Systolic", text, StringComparison.Ordinal);
        var line = text.Split("\r\n").Single(l => l.Contains(",142,", StringComparison.Ordinal));
        Assert.Contains($",{mrn},", line, StringComparison.Ordinal);
        Assert.Contains(",5,", line, StringComparison.Ordinal); // dosed 5 minutes after the start: 50 - 5 - 40 = 5 minutes since the dose
        Assert.DoesNotContain("secret note", text, StringComparison.Ordinal);

        var xlsx = await staff.GetAsync($"/Reports/{ReportKeys.DosingVitals}?handler=Export&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single();
        Assert.Equal("Dosing vitals", sheet.Name!.Value);
        var rows = document.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        var row = rows.Single(r => r.Elements<Cell>().Any(c => c.CellValue?.Text == "142"));
        Assert.Contains(row.Elements<Cell>(), c => c.InlineString?.InnerText == mrn);
        Assert.Contains(rows, r => r.InnerText.StartsWith("Readings:", StringComparison.Ordinal));

        await using var scope = App.Services.CreateAsyncScope();
        var audits = await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().AuditEvents.AsNoTracking()
            .Where(a => a.UserId == staffId && a.Action == AuditActions.ReportExported).OrderBy(a => a.OccurredAt).ToListAsync();
        Assert.Equal(2, audits.Count);
        Assert.All(audits, a => Assert.Equal(AuditOutcome.Success, a.Outcome));
        Assert.StartsWith($"report={ReportKeys.DosingVitals} format=Csv from=", audits[0].Detail, StringComparison.Ordinal);
        Assert.Contains("format=Xlsx", audits[1].Detail, StringComparison.Ordinal);
        Assert.Matches("rows=[1-9]", audits[0].Detail!);
    }
}
