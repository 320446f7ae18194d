using KapClinic.Core.Auditing;
using KapClinic.Core.Common;
using KapClinic.Core.Data;
using KapClinic.Core.Exports;
using KapClinic.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Inventory.Records;

/// <summary>
/// Exports the controlled-substance records as CSV or PDF to a stream, and audits each export: who, which report,
/// the filters (ids and dates only), the row count and the format. The inventory report is signed by the user who
/// generates it, and that signature is its own audit event.
/// </summary>
public sealed class InventoryRecordsExport(
    InventoryRecords records, ClinicSettingsService settings, KapClinicDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<int> DispensingLogAsync(Stream output, ExportFormat format, Guid productId, RecordsPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var clinic = await settings.GetAsync(cancellationToken);
        var zone = clinic.TimeZone;
        var header = await records.DispensingLogHeaderAsync(productId, period, zone, cancellationToken)
            ?? throw new NotFoundException("That product does not exist.");
        var heading = Heading(clinic, "Controlled-substance dispensing log", [$"Product: {header.Label}; quantities in {header.UnitName}", Period(period, clinic)]);
        return await AuditedAsync(
            AuditActions.InventoryRecordExported, null, Invariant($"report=DispensingLog format={format} product={productId} from={period.From:yyyy-MM-dd} to={period.To:yyyy-MM-dd}"),
            counter => TableExport.WriteAsync(output, format, heading, DispensingLogTable.For(zone), counter.Count(records.DispensingLogEntries(productId, period, zone)), DispensingLogTable.Balances(header, period, zone), cancellationToken));
    }

    public async Task<int> DiscrepancyLogAsync(Stream output, ExportFormat format, Guid? productId, RecordsPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var clinic = await settings.GetAsync(cancellationToken);
        var zone = clinic.TimeZone;
        var product = productId is { } id
            ? await db.DrugProducts.AsNoTracking().Where(p => p.Id == id).Select(p => p.Name + " " + p.Strength).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("That product does not exist.")
            : "all products";
        var heading = Heading(clinic, "Controlled-substance discrepancy log", [$"Product: {product}", Period(period, clinic)]);
        return await AuditedAsync(
            AuditActions.InventoryRecordExported, null, Invariant($"report=DiscrepancyLog format={format} product={productId?.ToString() ?? "all"} from={period.From:yyyy-MM-dd} to={period.To:yyyy-MM-dd}"),
            counter => TableExport.WriteAsync(output, format, heading, DiscrepancyLogTable.For(zone), counter.Count(records.Discrepancies(productId, period, zone)), ReportRows.None, cancellationToken));
    }

    /// <summary>The inventory of every lot at the close of <paramref name="day"/>, signed by <paramref name="signerId"/> now.</summary>
    public async Task<int> InventoryReportAsync(Stream output, ExportFormat format, DateOnly day, Guid signerId, CancellationToken cancellationToken = default)
    {
        var clinic = await settings.GetAsync(cancellationToken);
        var zone = clinic.TimeZone;
        var signature = await SignatureAsync(signerId, cancellationToken);
        var heading = Heading(clinic, "Controlled-substance inventory", [$"Inventory as of the close of business on {RecordsFormat.Date(day)} ({clinic.TimeZoneId})", $"Signed by {signature.SignerName}"]);
        // Kept for the record before the download starts (a streamed response may end before code after it runs):
        // what is signed (its lots and their hash), so a copy made later from the ledger can be checked against it.
        var lots = await records.InventoryLots(day, zone).ToListAsync(cancellationToken);
        db.SignedInventories.Add(new SignedInventory(day, signature, lots.Count, SignedInventory.Hash(lots)));
        await db.SaveChangesAsync(cancellationToken);
        return await AuditedAsync(
            AuditActions.InventoryReportSigned, signerId, Invariant($"report=InventoryReport format={format} date={day:yyyy-MM-dd} signedAtUtc={signature.SignedAtUtc:O}"),
            counter => TableExport.WriteAsync(output, format, heading, InventoryReportTable.For(zone), counter.Count(records.InventoryLots(day, zone)), new ReportRows([], [], signature.Lines(day, clinic.TimeZoneId)), cancellationToken));
    }

    /// <summary>The inventories signed so far, newest first (at most <paramref name="take"/>).</summary>
    public async Task<IReadOnlyList<SignedInventory>> SignedAsync(int take = 20, CancellationToken cancellationToken = default) =>
        await db.SignedInventories.AsNoTracking().OrderByDescending(s => s.SignedAt).Take(take).ToListAsync(cancellationToken);

    /// <summary>The signature the user would put on a report now: their name and credentials from their account.</summary>
    public async Task<InventorySignature> SignatureAsync(Guid signerId, CancellationToken cancellationToken = default)
    {
        var signer = await db.Users.AsNoTracking().Where(u => u.Id == signerId && !u.IsDisabled)
            .Select(u => new { u.DisplayName, u.Credentials }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("That user does not exist.");
        var name = string.IsNullOrWhiteSpace(signer.Credentials) ? signer.DisplayName : $"{signer.DisplayName}, {signer.Credentials}";
        return new InventorySignature(signerId, name, clock.GetUtcNow());
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    private ReportHeading Heading(ClinicSettings clinic, string title, IReadOnlyList<string> filters) =>
        new(clinic.ClinicName, title, filters, $"{RecordsFormat.Time(clock.GetUtcNow(), clinic.TimeZone)} ({clinic.TimeZoneId})");

    private static string Period(RecordsPeriod period, ClinicSettings clinic) =>
        $"Period: {RecordsFormat.Date(period.From)} to {RecordsFormat.Date(period.To)}, whole days in {clinic.TimeZoneId}";

    /// <summary>
    /// Runs the export with a row counter around the rows, then writes the audit event, also when the export fails or
    /// the download is abandoned (outcome Failure, with the rows written so far).
    /// </summary>
    private async Task<int> AuditedAsync(
        string action, Guid? userId, string detail, Func<RowCounter, Task<int>> export)
    {
        var counter = new RowCounter();
        var outcome = AuditOutcome.Failure;
        try
        {
            var rows = await export(counter);
            outcome = AuditOutcome.Success;
            return rows;
        }
        finally
        {
            db.ChangeTracker.Clear();
            await audit.RecordAsync(action, outcome, userId, "InventoryRecord", detail: $"{detail} rows={counter.Rows}", cancellationToken: CancellationToken.None);
        }
    }
}
