using KapClinic.Core.Auditing;
using KapClinic.Core.Exports;
using KapClinic.Core.Inventory.Records;
using KapClinic.Core.Reports;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Inventory.Records;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Reports;

/// <summary>
/// The catalogue's controlled-substance reports against the hand-computed ledger of <see cref="DispensingLogFixture"/>:
/// the same rows as the Inventory > Records exports (one query each), their totals, who may run them, and the audit.
/// </summary>
public sealed class ControlledSubstanceReportsTests(DispensingLogFixture fixture) : IClassFixture<DispensingLogFixture>
{
    private const int InventorySignatureLines = 4;

    private static readonly RecordsPeriod November = new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 10));

    private ReportRunner Reports => new(fixture.Factory);

    private static ReportFilter Filter(Guid? product = null) => new() { From = November.From, To = November.To, ProductId = product };

    [Fact]
    public async Task The_dispensing_log_csv_is_the_records_export_line_for_line_with_its_balance_rows()
    {
        var report = await Reports.CsvLinesAsync(ReportKeys.ControlledSubstanceLog, Filter(fixture.ProductId), fixture.Clinician);
        var records = await RecordsCsvAsync(e => e.DispensingLogAsync, ExportFormat.Csv);

        Assert.Equal(records, report);
        Assert.Equal(12, report.Length); // header, opening balance, nine entries, closing balance
        Assert.Contains(",Opening balance,", report[1], StringComparison.Ordinal);
        Assert.Contains(",Closing balance,", report[^1], StringComparison.Ordinal);
        Assert.Contains(",12.9,", report[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dispensing_log_totals_are_the_balances_at_the_start_and_end_of_the_period()
    {
        var preview = await Reports.PreviewAsync(ReportKeys.ControlledSubstanceLog, Filter(fixture.ProductId) with { From = new DateOnly(2026, 11, 5) }, fixture.Admin);

        Assert.Equal([("Opening balance", "9.00 mL"), ("Closing balance", "12.90 mL"), ("Net change", "+3.90 mL")], preview.Totals.Select(t => (t.Label, t.Value)));
        Assert.Equal(["9.00", "8.50", "13.50", "12.50", "12.50", "12.90"], preview.Rows.Select(r => r[6]));
    }

    [Fact]
    public async Task The_dispensing_log_needs_a_product()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<ReportService>();

        var result = await service.ValidateAsync(service.Find(ReportKeys.ControlledSubstanceLog)!, Filter());

        Assert.Equal("Choose a product.", Assert.Single(result.Errors).ErrorMessage);
        Assert.True((await service.ValidateAsync(service.Find(ReportKeys.Discrepancies)!, Filter())).IsValid);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_discrepancy_csv_is_the_records_export_for_one_product_or_all(bool oneProduct)
    {
        var product = oneProduct ? fixture.ProductId : (Guid?)null;

        var report = await Reports.CsvLinesAsync(ReportKeys.Discrepancies, Filter(product), fixture.Admin);
        var records = await RecordsCsvAsync(e => (o, f, _, p, ct) => e.DiscrepancyLogAsync(o, f, product, p, ct), ExportFormat.Csv);

        Assert.Equal(records, report);
        Assert.Equal(2, report.Length);
        Assert.Contains(",LOT-A,8.5,8,-0.5,Casey Clinician,", report[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_discrepancy_totals_count_the_open_ones_and_the_losses()
    {
        var preview = await Reports.PreviewAsync(ReportKeys.Discrepancies, Filter(), fixture.Clinician);

        Assert.Equal([("Discrepancies", "1"), ("Open", "1"), ("Losses", "1"), ("Net variance", "-0.50")], preview.Totals.Select(t => (t.Label, t.Value)));
    }

    [Fact]
    public async Task The_inventory_is_the_signed_reports_lots_as_of_the_last_day_without_the_signature()
    {
        var filter = new ReportFilter { To = new DateOnly(2026, 11, 9) };

        var report = await Reports.CsvLinesAsync(ReportKeys.Inventory, filter, fixture.Admin);
        var preview = await Reports.PreviewAsync(ReportKeys.Inventory, filter, fixture.Admin);
        var signed = await RecordsCsvAsync(e => (o, f, _, _, ct) => e.InventoryReportAsync(o, f, new DateOnly(2026, 11, 9), fixture.Admin, ct), ExportFormat.Csv);

        Assert.Equal(signed[..^InventorySignatureLines], report);
        Assert.Equal(3, report.Length); // header, LOT-A, LOT-B
        Assert.Equal([("Lots", "2"), ("Products", "1")], preview.Totals.Select(t => (t.Label, t.Value)));
        Assert.Equal([("LOT-A", "8.50"), ("LOT-B", "4.00")], preview.Rows.Select(r => (r[3], r[5])));
    }

    [Theory]
    [InlineData(ReportKeys.ControlledSubstanceLog)]
    [InlineData(ReportKeys.Discrepancies)]
    [InlineData(ReportKeys.Inventory)]
    public async Task Staff_are_refused_every_controlled_substance_report(string key)
    {
        var staff = await TestUsers.CreateAsync(fixture.Factory, ClinicRoles.Staff);

        await Assert.ThrowsAsync<ReportAccessDeniedException>(() => Reports.ExportAsync(key, ExportFormat.Csv, Filter(fixture.ProductId), staff));

        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        Assert.DoesNotContain(key, (await scope.ServiceProvider.GetRequiredService<ReportService>().CatalogueAsync(staff)).Select(d => d.Key));
    }

    [Theory]
    [InlineData(ExportFormat.Csv)]
    [InlineData(ExportFormat.Pdf)]
    public async Task Each_export_is_audited_with_the_report_format_filters_and_rows(ExportFormat format)
    {
        var clinician = await TestUsers.CreateAsync(fixture.Factory, ClinicRoles.Clinician);

        var bytes = await Reports.ExportAsync(ReportKeys.ControlledSubstanceLog, format, Filter(fixture.ProductId), clinician);

        Assert.NotEmpty(bytes);
        var exported = await Reports.LastAuditAsync(AuditActions.ReportExported, clinician);
        Assert.Equal(AuditOutcome.Success, exported?.Outcome);
        Assert.Equal($"report=controlled-substance-log format={format} from=2026-11-01 to=2026-11-10 product={fixture.ProductId} rows=9", exported?.Detail);
    }

    private async Task<string[]> RecordsCsvAsync(
        Func<InventoryRecordsExport, Func<Stream, ExportFormat, Guid, RecordsPeriod, CancellationToken, Task<int>>> export, ExportFormat format)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        using var output = new MemoryStream();
        await export(scope.ServiceProvider.GetRequiredService<InventoryRecordsExport>())(output, format, fixture.ProductId, November, CancellationToken.None);
        return ReportRunner.Lines(output.ToArray());
    }
}
