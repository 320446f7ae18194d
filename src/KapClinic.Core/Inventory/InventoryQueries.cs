using KapClinic.Core.Common;
using KapClinic.Core.Data;
using KapClinic.Core.Dosing;
using KapClinic.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Inventory;

/// <summary>
/// Reads for the inventory pages. Each method sends a fixed number of SQL commands whatever the number of products,
/// lots or entries (names, MRNs and balances come from correlated subqueries in the same command).
/// </summary>
public sealed class InventoryQueries(KapClinicDbContext db)
{
    /// <summary>Lots expiring within this many days show on the dashboard.</summary>
    public const int ExpiryWarningDays = 60;

    public static LotStatus StatusOf(bool isClosed, decimal balance, DateOnly expiresOn, DateOnly today) =>
        isClosed ? LotStatus.Closed
        : balance == 0 ? LotStatus.Empty
        : expiresOn < today ? LotStatus.Expired
        : expiresOn.DayNumber - today.DayNumber <= ExpiryWarningDays ? LotStatus.ExpiringSoon
        : LotStatus.InStock;

    /// <summary>Three commands: products with their balances, open lots, open discrepancies.</summary>
    public async Task<InventoryDashboard> DashboardAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var products = await ProductsAsync(cancellationToken);
        var lots = await db.Lots.AsNoTracking().Where(l => !l.IsClosed)
            .Join(db.DrugProducts, l => l.ProductId, p => p.Id, (l, p) => new { l, p })
            .OrderBy(x => x.p.Name).ThenBy(x => x.l.ExpiresOn).ThenBy(x => x.l.LotNumber)
            .Select(x => new LotStock(x.l.Id, x.p.Id, x.p.Name, x.p.Form, x.l.LotNumber, x.l.ExpiresOn, x.l.ReceivedOn, x.l.Balance, x.l.IsClosed))
            .ToListAsync(cancellationToken);
        var discrepancies = await DiscrepanciesAsync(openOnly: true, cancellationToken);
        return new InventoryDashboard(today, products, lots, discrepancies);
    }

    /// <summary>Every product (active first), each with the sum of its open lots.</summary>
    public async Task<IReadOnlyList<ProductStock>> ProductsAsync(CancellationToken cancellationToken = default) =>
        await db.DrugProducts.AsNoTracking()
            .OrderByDescending(p => p.IsActive).ThenBy(p => p.Name).ThenBy(p => p.Strength)
            .Select(p => new ProductStock(
                p.Id, p.Name, p.Ndc, p.Drug, p.Form, p.Strength, p.MgPerUnit, p.UnitsPerContainer, p.ReorderLevelUnits, p.IsActive,
                db.Lots.Where(l => l.ProductId == p.Id && !l.IsClosed).Sum(l => l.Balance),
                db.Lots.Count(l => l.ProductId == p.Id && !l.IsClosed)))
            .ToListAsync(cancellationToken);

    /// <summary>Open discrepancies (oldest first), or all of them: open first, then resolved, newest first.</summary>
    public async Task<IReadOnlyList<DiscrepancyItem>> DiscrepanciesAsync(bool openOnly, CancellationToken cancellationToken = default) =>
        await Discrepancies(db.Discrepancies.Where(d => !openOnly || d.ResolvedAt == null)).ToListAsync(cancellationToken);

    public async Task<DiscrepancyItem> DiscrepancyAsync(Guid discrepancyId, CancellationToken cancellationToken = default) =>
        await Discrepancies(db.Discrepancies.Where(d => d.Id == discrepancyId)).SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("That discrepancy does not exist.");

    /// <summary>The lot's product and number, without its balance (for the blind count and the movement forms).</summary>
    public async Task<LotHeader> LotHeaderAsync(Guid lotId, CancellationToken cancellationToken = default) =>
        await db.Lots.AsNoTracking().Where(l => l.Id == lotId)
            .Join(db.DrugProducts, l => l.ProductId, p => p.Id, (l, p) => new LotHeader(l.Id, p.Id, p.Name, p.Strength, p.Ndc, p.Form, l.LotNumber, l.ExpiresOn, l.IsClosed))
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("That lot does not exist.");

    /// <summary>
    /// The count sheet: every open lot (product, number, expiry), expired ones too since they are still on the shelf,
    /// without balances, so a count started from it stays blind. One command.
    /// </summary>
    public async Task<IReadOnlyList<LotHeader>> CountSheetAsync(CancellationToken cancellationToken = default) =>
        await db.Lots.AsNoTracking().Where(l => !l.IsClosed)
            .Join(db.DrugProducts, l => l.ProductId, p => p.Id, (l, p) => new { l, p })
            .OrderBy(x => x.p.Name).ThenBy(x => x.p.Strength).ThenBy(x => x.l.ExpiresOn).ThenBy(x => x.l.LotNumber)
            .Select(x => new LotHeader(x.l.Id, x.p.Id, x.p.Name, x.p.Strength, x.p.Ndc, x.p.Form, x.l.LotNumber, x.l.ExpiresOn, x.l.IsClosed))
            .ToListAsync(cancellationToken);

    public async Task<LotWithBalance> LotWithBalanceAsync(Guid lotId, CancellationToken cancellationToken = default) =>
        await db.Lots.AsNoTracking().Where(l => l.Id == lotId)
            .Join(db.DrugProducts, l => l.ProductId, p => p.Id, (l, p) => new LotWithBalance(
                new LotHeader(l.Id, p.Id, p.Name, p.Strength, p.Ndc, p.Form, l.LotNumber, l.ExpiresOn, l.IsClosed), l.Balance, l.Version))
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("That lot does not exist.");

    /// <summary>Two commands: the lot with its product and receiver, then its ledger (names and MRNs joined in).</summary>
    public async Task<LotDetails> LotAsync(Guid lotId, CancellationToken cancellationToken = default)
    {
        var lot = await db.Lots.AsNoTracking().Where(l => l.Id == lotId)
            .Join(db.DrugProducts, l => l.ProductId, p => p.Id, (l, p) => new LotDetails(
                new LotHeader(l.Id, p.Id, p.Name, p.Strength, p.Ndc, p.Form, l.LotNumber, l.ExpiresOn, l.IsClosed),
                p.MgPerUnit, p.UnitsPerContainer, l.SupplierName, l.SupplierAddress, l.SupplierDeaNumber, l.InvoiceNumber, l.ReceivedOn, l.QuantityReceived,
                db.Users.Where(u => u.Id == l.ReceivedBy).Select(u => u.Credentials == null ? u.DisplayName : u.DisplayName + ", " + u.Credentials).FirstOrDefault() ?? "",
                l.Balance, l.Version, Array.Empty<LedgerRow>()))
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("That lot does not exist.");
        var rows = await Rows(db.LedgerEntries.Where(e => e.LotId == lotId)).ToListAsync(cancellationToken);
        var correctedBy = rows.Where(r => r.CorrectsEntryId is not null).ToLookup(r => r.CorrectsEntryId!.Value, r => r.Id);
        return lot with { Entries = [.. rows.Select(r => r with { CorrectedBy = [.. correctedBy[r.Id]] })] };
    }

    /// <summary>An entry of the lot, for the correction form (404 when it is not the lot's).</summary>
    public async Task<CorrectionTarget> CorrectionTargetAsync(Guid lotId, Guid entryId, CancellationToken cancellationToken = default)
    {
        var header = await LotHeaderAsync(lotId, cancellationToken);
        var entry = await Rows(db.LedgerEntries.Where(e => e.Id == entryId && e.LotId == lotId)).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("That ledger entry does not exist.");
        return new CorrectionTarget(header, entry);
    }

    /// <summary>A recorded count of the lot with what the ledger expected and the discrepancy it opened.</summary>
    public async Task<CountOutcome> CountOutcomeAsync(Guid lotId, Guid entryId, CancellationToken cancellationToken = default)
    {
        var header = await LotHeaderAsync(lotId, cancellationToken);
        var count = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.Id == entryId && e.LotId == lotId && e.Kind == LedgerEntryKind.Count)
            .Select(e => new
            {
                e.RecordedAt,
                CountedBy = db.Users.Where(u => u.Id == e.RecordedBy).Select(u => u.Credentials == null ? u.DisplayName : u.DisplayName + ", " + u.Credentials).FirstOrDefault(),
                e.ExpectedUnits,
                e.CountedUnits,
                DiscrepancyId = db.Discrepancies.Where(d => d.CountEntryId == e.Id).Select(d => (Guid?)d.Id).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("That count does not exist.");
        return new CountOutcome(header, entryId, count.RecordedAt, count.CountedBy ?? "", count.ExpectedUnits ?? 0, count.CountedUnits ?? 0, count.DiscrepancyId);
    }

    /// <summary>Who may witness for <paramref name="actingUserId"/>: other active clinicians and administrators.</summary>
    public async Task<IReadOnlyList<StaffOption>> WitnessesAsync(Guid actingUserId, CancellationToken cancellationToken = default) =>
        await db.Users.AsNoTracking()
            .Where(u => u.Id != actingUserId && !u.IsDisabled
                && db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(x => x.Id == r.RoleId && (x.Name == ClinicRoles.Clinician || x.Name == ClinicRoles.Admin))))
            .OrderBy(u => u.DisplayName)
            .Select(u => new StaffOption(u.Id, u.Credentials == null ? u.DisplayName : u.DisplayName + ", " + u.Credentials))
            .ToListAsync(cancellationToken);

    private IQueryable<DiscrepancyItem> Discrepancies(IQueryable<Discrepancy> discrepancies) =>
        discrepancies.AsNoTracking()
            .Join(db.Lots, d => d.LotId, l => l.Id, (d, l) => new { d, l })
            .Join(db.DrugProducts, x => x.l.ProductId, p => p.Id, (x, p) => new { x.d, x.l, p })
            .OrderBy(x => x.d.ResolvedAt != null).ThenByDescending(x => x.d.ResolvedAt).ThenBy(x => x.d.OpenedAt)
            .Select(x => new DiscrepancyItem(
                x.d.Id, x.l.Id, x.l.LotNumber, x.p.Name, x.p.Form, x.d.ExpectedUnits, x.d.CountedUnits, x.d.OpenedAt,
                db.LedgerEntries.Where(e => e.Id == x.d.CountEntryId)
                    .Join(db.Users, e => e.RecordedBy, u => u.Id, (e, u) => u.Credentials == null ? u.DisplayName : u.DisplayName + ", " + u.Credentials)
                    .FirstOrDefault() ?? "",
                x.d.ResolvedAt,
                db.Users.Where(u => u.Id == x.d.ResolvedBy).Select(u => u.Credentials == null ? u.DisplayName : u.DisplayName + ", " + u.Credentials).FirstOrDefault(),
                x.d.ResolutionNote,
                x.d.Version));

    private IQueryable<LedgerRow> Rows(IQueryable<LedgerEntry> entries) =>
        entries.AsNoTracking()
            .OrderBy(e => e.RecordedAt).ThenBy(e => e.Id)
            .Select(e => new LedgerRow(
                e.Id, e.RecordedAt, e.Kind, e.Delta, e.BalanceAfter,
                db.Users.Where(u => u.Id == e.RecordedBy).Select(u => u.Credentials == null ? u.DisplayName : u.DisplayName + ", " + u.Credentials).FirstOrDefault() ?? "",
                db.Users.Where(u => u.Id == e.WitnessId).Select(u => u.Credentials == null ? u.DisplayName : u.DisplayName + ", " + u.Credentials).FirstOrDefault(),
                e.PatientId,
                db.Patients.Where(p => p.Id == e.PatientId).Select(p => p.Mrn).FirstOrDefault(),
                e.DosingSessionId, e.Reason, e.Reference, e.CorrectsEntryId, e.CountedUnits, e.ExpectedUnits));
}
