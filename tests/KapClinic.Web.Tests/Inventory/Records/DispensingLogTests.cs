using KapClinic.Core.Inventory;
using KapClinic.Core.Inventory.Records;
using KapClinic.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Inventory.Records;

/// <summary>The records against the hand-computed ledger of <see cref="DispensingLogFixture"/>.</summary>
public sealed class DispensingLogTests(DispensingLogFixture fixture) : IClassFixture<DispensingLogFixture>
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task The_running_balance_follows_every_entry_from_the_first_receipt()
    {
        var (header, entries) = await LogAsync(new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 10)));

        Assert.Equal((0m, 12.9m), (header.OpeningBalance, header.ClosingBalance));
        Assert.Equal([10m, 9.3m, 9.0m, 9.0m, 8.5m, 13.5m, 12.5m, 12.5m, 12.9m], entries.Select(e => e.ProductBalance));
        Assert.Equal([10m, 9.3m, 9.0m, 9.0m, 8.5m, 5m, 4m, 8.5m, 4.4m], entries.Select(e => e.LotBalanceAfter));
        Assert.Equal(
            [LedgerEntryKind.Received, LedgerEntryKind.Administered, LedgerEntryKind.Wasted, LedgerEntryKind.Count, LedgerEntryKind.Adjustment,
             LedgerEntryKind.Received, LedgerEntryKind.Wasted, LedgerEntryKind.Count, LedgerEntryKind.Correction],
            entries.Select(e => e.EntryKind));
    }

    [Fact]
    public async Task A_range_that_starts_mid_way_opens_with_the_balance_of_everything_before_it_in_clinic_days()
    {
        // The waste at 03:30 UTC on 5 November was 22:30 on 4 November in New York: before the range.
        var (header, entries) = await LogAsync(new(new DateOnly(2026, 11, 5), new DateOnly(2026, 11, 10)));

        Assert.Equal(9.0m, header.OpeningBalance);
        Assert.Equal([9.0m, 8.5m, 13.5m, 12.5m, 12.5m, 12.9m], entries.Select(e => e.ProductBalance));
        Assert.Equal(header.OpeningBalance + entries.Sum(e => e.Delta), header.ClosingBalance);
    }

    [Fact]
    public async Task A_range_that_ends_mid_way_closes_with_the_balance_at_the_end_of_its_last_day()
    {
        var (header, entries) = await LogAsync(new(new DateOnly(2026, 11, 3), new DateOnly(2026, 11, 6)));

        Assert.Equal((10m, 8.5m), (header.OpeningBalance, header.ClosingBalance));
        Assert.Equal([9.3m, 9.0m, 9.0m, 8.5m], entries.Select(e => e.ProductBalance));
    }

    [Fact]
    public async Task A_later_page_continues_the_running_balance()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var records = scope.ServiceProvider.GetRequiredService<InventoryRecords>();
        var period = new RecordsPeriod(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 10));

        var page = await records.DispensingLogEntries(fixture.ProductId, period, NewYork, skip: 6, take: 2).ToListAsync();

        Assert.Equal([12.5m, 12.5m], page.Select(e => e.ProductBalance));
    }

    [Fact]
    public async Task Each_entry_names_who_recorded_and_witnessed_it_and_an_administration_the_patient_mrn()
    {
        var (_, entries) = await LogAsync(new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 10)));

        var administered = entries.Single(e => e.EntryKind == LedgerEntryKind.Administered);
        Assert.StartsWith("TST-", administered.PatientMrn, StringComparison.Ordinal);
        Assert.Equal(("Casey Clinician", 0.7m), (administered.RecordedBy, -administered.Delta));
        var adjustment = entries.Single(e => e.EntryKind == LedgerEntryKind.Adjustment);
        Assert.Equal(("Avery Admin", "Wren Witness", "Broken vial found in the safe"), (adjustment.RecordedBy, adjustment.Witness, adjustment.Reason));
        Assert.All(entries.Where(e => e.EntryKind != LedgerEntryKind.Administered), e => Assert.Null(e.PatientMrn));
        Assert.Equal("Counted 8, expected 8.5 (variance -0.5)", entries.Last(e => e.EntryKind == LedgerEntryKind.Count).Details);
    }

    [Fact]
    public async Task A_receipt_names_its_supplier_with_address_dea_number_and_invoice_and_the_day_the_lot_arrived()
    {
        var (_, entries) = await LogAsync(new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 10)));

        var receipt = entries.First(e => e.EntryKind == LedgerEntryKind.Received);
        Assert.Equal(
            ("Cardinal Health", "7000 Cardinal Pl, Dublin, OH 43017", "RC0183462", "INV-1001", (DateOnly?)new DateOnly(2026, 11, 2)),
            (receipt.SupplierName, receipt.SupplierAddress, receipt.SupplierDeaNumber, receipt.InvoiceNumber, receipt.ReceivedOn));
        Assert.Equal("Cardinal Health, 7000 Cardinal Pl, Dublin, OH 43017 · DEA RC0183462 · Invoice INV-1001", receipt.Supplier);
        Assert.Equal("2026-11-02", RecordsFormat.EventTime(receipt, NewYork));
        Assert.All(entries.Where(e => e.EntryKind != LedgerEntryKind.Received), e => Assert.Equal((null, string.Empty), (e.ReceivedOn, e.Supplier)));
    }

    [Fact]
    public async Task An_administration_names_who_gave_the_dose_and_when_beside_who_recorded_it()
    {
        var (_, entries) = await LogAsync(new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 10)));

        var administered = entries.Single(e => e.EntryKind == LedgerEntryKind.Administered);
        Assert.Equal(("Noor Nurse, RN", "Casey Clinician"), (administered.GivenBy, administered.RecordedBy));
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 14, 20, 0, TimeSpan.Zero), administered.AdministeredAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 15, 0, 0, TimeSpan.Zero), administered.RecordedAt);
        Assert.Equal("2026-11-03 09:20", RecordsFormat.EventTime(administered, NewYork));
        Assert.All(entries.Where(e => e.EntryKind != LedgerEntryKind.Administered), e => Assert.Equal((null, null), (e.GivenBy, e.AdministeredAt)));
    }

    [Fact]
    public async Task The_csv_and_pdf_exports_carry_the_supplier_and_who_gave_the_dose()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var export = scope.ServiceProvider.GetRequiredService<InventoryRecordsExport>();
        var period = new RecordsPeriod(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 10));
        using var csv = new MemoryStream();
        using var pdf = new MemoryStream();

        await export.DispensingLogAsync(csv, Core.Exports.ExportFormat.Csv, fixture.ProductId, period);
        await export.DispensingLogAsync(pdf, Core.Exports.ExportFormat.Pdf, fixture.ProductId, period);

        var lines = System.Text.Encoding.UTF8.GetString(csv.ToArray()).Split("\r\n");
        Assert.Contains("Received on / given at,\"Supplier (address, DEA number, invoice)\",Given by,Recorded by", lines[0], StringComparison.Ordinal);
        Assert.Contains(",2026-11-07,\"Cardinal Health, 7000 Cardinal Pl, Dublin, OH 43017 · DEA RC0183462 · Invoice INV-1001\",,Avery Admin,", lines.Single(l => l.Contains(",LOT-B,", StringComparison.Ordinal) && l.Contains("Received", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains(",2026-11-03T09:20:00-05:00,,\"Noor Nurse, RN\",Casey Clinician,", lines.Single(l => l.Contains(",Administered,", StringComparison.Ordinal)), StringComparison.Ordinal);
        var text = PdfText.Of(pdf.ToArray());
        Assert.Contains("RC0183462", text, StringComparison.Ordinal);
        Assert.Contains("Noor Nurse", text, StringComparison.Ordinal); // the cell may wrap before the credentials
    }

    [Fact]
    public async Task The_inventory_report_gives_each_lot_its_balance_at_the_close_of_the_day_and_its_last_count()
    {
        var before = await InventoryAsync(new DateOnly(2026, 11, 6));
        var after = await InventoryAsync(new DateOnly(2026, 11, 9));

        var lotA = Assert.Single(before);
        Assert.Equal(("LOT-A", 8.5m, 9m, 0.85m), (lotA.LotNumber, lotA.Balance, lotA.LastCountedUnits, lotA.Containers));
        Assert.Equal([("LOT-A", 8.5m, (decimal?)8m), ("LOT-B", 4m, null)], after.Select(l => (l.LotNumber, l.Balance, l.LastCountedUnits)));
    }

    [Fact]
    public async Task The_discrepancy_log_lists_the_count_that_did_not_match_with_its_variance()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var records = scope.ServiceProvider.GetRequiredService<InventoryRecords>();

        var log = await records.Discrepancies(fixture.ProductId, new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), NewYork).ToListAsync();

        var discrepancy = Assert.Single(log);
        Assert.Equal(("LOT-A", 8.5m, 8m, -0.5m, "Casey Clinician", true), (discrepancy.LotNumber, discrepancy.ExpectedUnits, discrepancy.CountedUnits, discrepancy.Variance, discrepancy.CountedBy, discrepancy.IsOpen));
    }

    private async Task<(DispensingLogHeader Header, List<DispensingLogEntry> Entries)> LogAsync(RecordsPeriod period)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var records = scope.ServiceProvider.GetRequiredService<InventoryRecords>();
        var header = await records.DispensingLogHeaderAsync(fixture.ProductId, period, NewYork);
        return (header!, await records.DispensingLogEntries(fixture.ProductId, period, NewYork).ToListAsync());
    }

    private async Task<List<InventoryReportLot>> InventoryAsync(DateOnly day)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InventoryRecords>().InventoryLots(day, NewYork).ToListAsync();
    }
}
