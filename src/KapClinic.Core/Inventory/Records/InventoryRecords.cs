using KapClinic.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Inventory.Records;

/// <summary>
/// The controlled-substance records (CLINICAL.md), read straight from the ledger in one or two SQL commands each (streamed through <see cref="StreamedSql"/>), for
/// the screens and the exports alike: the dispensing log with running balances, the inventory of every lot on a day,
/// and the discrepancy log. Rows stream (<see cref="IAsyncEnumerable{T}"/>), so an export of years of entries does
/// not hold them in memory. Days are the clinic's (the zone parameters).
/// </summary>
public sealed class InventoryRecords(KapClinicDbContext db)
{
    public async Task<IReadOnlyList<ProductOption>> ProductsAsync(CancellationToken cancellationToken = default) =>
        await db.DrugProducts.AsNoTracking()
            .OrderByDescending(p => p.IsActive).ThenBy(p => p.Name).ThenBy(p => p.Strength)
            .Select(p => new ProductOption(p.Id, p.Name, p.Ndc, p.Strength, p.IsActive))
            .ToListAsync(cancellationToken);

    /// <summary>The product and its balances at the start and end of the period; null when there is no such product.</summary>
    public async Task<DispensingLogHeader?> DispensingLogHeaderAsync(Guid productId, RecordsPeriod period, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        return await db.RowsAsync(RecordsSql.DispensingLogHeader, [productId, period.StartUtc(zone), period.EndUtc(zone)], DispensingLogHeader.Read, cancellationToken)
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// The product's entries in the period, oldest first, each with the product's running balance. The running sum
    /// is a window over every entry of the product (not only the period's), so the first row continues from the
    /// opening balance. <paramref name="skip"/>/<paramref name="take"/> page the screen; exports take all.
    /// </summary>
    public IAsyncEnumerable<DispensingLogEntry> DispensingLogEntries(Guid productId, RecordsPeriod period, TimeZoneInfo zone, int skip = 0, int take = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(period);
        return db.RowsAsync(RecordsSql.DispensingLogEntries, [productId, period.StartUtc(zone), period.EndUtc(zone), take, skip], DispensingLogEntry.Read);
    }

    /// <summary>
    /// Every lot that had stock at the end of <paramref name="day"/> (or was open with none): its balance then (the
    /// sum of its entries up to that moment, which is the last entry's balance after) and its last count by then.
    /// </summary>
    public IAsyncEnumerable<InventoryReportLot> InventoryLots(DateOnly day, TimeZoneInfo zone) =>
        db.RowsAsync(RecordsSql.InventoryLots, [RecordsPeriod.StartOfDayUtc(day.AddDays(1), zone)], InventoryReportLot.Read);

    /// <summary>Discrepancies opened in the period (of one product, or all), oldest first, with who counted and who resolved.</summary>
    public IAsyncEnumerable<DiscrepancyLogEntry> Discrepancies(Guid? productId, RecordsPeriod period, TimeZoneInfo zone, int skip = 0, int take = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(period);
        return db.RowsAsync(
            RecordsSql.Discrepancies, [productId ?? Guid.Empty, productId is null, period.StartUtc(zone), period.EndUtc(zone), take, skip], DiscrepancyLogEntry.Read);
    }
}
