using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Inventory;
using KapClinic.Core.Notes;
using KapClinic.Core.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Demo;

/// <summary>
/// The demo clinic's controlled-substance stock: ketamine vials, compounded ketamine lozenges and Spravato devices,
/// with lots received over seven months from registered suppliers (one esketamine lot near its expiry). The lots are
/// made before the dosing sessions, whose doses are taken from them (<see cref="DemoStock"/>); the ledger is written
/// after them, in time order (<see cref="DemoInventoryLedger"/>), so every running balance reads true. Run by
/// <see cref="DemoDosingSeeder"/>; nothing when the clinic already has products.
/// </summary>
public sealed class DemoInventorySeeder(KapClinicDbContext db, TimeProvider clock)
{
    public const string VialNdc = "0409-2051-05";
    public const string LozengeNdc = "70518-0100-01";
    public const string EsketamineNdc = "50458-028-02";

    /// <summary>What the demo's count found missing from the open vial's lot (mL), adjusted and resolved by the administrator.</summary>
    public const decimal CountShortfall = 0.2m;

    private static readonly (string Name, string Ndc, DrugKind Drug, DosageForm Form, string Strength, decimal MgPerUnit, decimal UnitsPerContainer, decimal Reorder)[] Products =
    [
        ("Ketamine HCl injection", VialNdc, DrugKind.Ketamine, DosageForm.Vial, "500 mg/10 mL (50 mg/mL)", 50m, 10m, 20m),
        ("Ketamine HCl sublingual lozenge (compounded)", LozengeNdc, DrugKind.Ketamine, DosageForm.Lozenge, "100 mg per lozenge", 100m, 1m, 10m),
        ("Spravato (esketamine) nasal spray", EsketamineNdc, DrugKind.Esketamine, DosageForm.NasalDevice, "28 mg per device", 28m, 1m, 6m),
    ];

    private static readonly (string Name, string Address, string Dea)[] Suppliers =
    [
        ("Cardinal Health", "7000 Cardinal Pl, Dublin, OH 43017", "RC0183462"),
        ("Lakeshore Compounding Pharmacy", "455 Pine St, Burlington, VT 05401", "FL4729387"),
        ("McKesson Specialty Health", "4343 N Scottsdale Rd, Scottsdale, AZ 85251", "RM0274910"),
    ];

    // Product, lot number, received (days ago), expires (days from today), quantity in the product's unit, supplier, invoice.
    private static readonly (int Product, string LotNumber, int ReceivedDaysAgo, int ExpiresInDays, decimal Quantity, int Supplier, string Invoice)[] Receipts =
    [
        (0, "KH2417-03", 215, 300, 50m, 0, "CAH-7781204"),
        (1, "KSL-26-0207", 215, 75, 30m, 1, "LCP-20931"),
        (2, "ESK-26-0311", 215, 45, 12m, 2, "MSH-5530178"),
        (0, "KH2451-11", 95, 520, 50m, 0, "CAH-7790533"),
        (1, "KSL-26-0918", 60, 140, 20m, 1, "LCP-21407"),
        (2, "ESK-26-1027", 25, 420, 12m, 2, "MSH-5561942"),
    ];

    /// <summary>The products and their lots, received by the prescriber (the DEA registrant); no ledger entries yet.</summary>
    internal async Task<DemoStock> StockAsync(Guid receivedBy, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        if (await db.DrugProducts.AnyAsync(cancellationToken))
        {
            return DemoStock.None;
        }

        var products = new List<Guid>();
        foreach (var p in Products)
        {
            var product = new DrugProduct(Guid.CreateVersion7(clock.GetUtcNow()), p.Name, p.Ndc, p.Drug, p.Form, p.Strength, p.MgPerUnit, p.UnitsPerContainer, p.Reorder);
            db.DrugProducts.Add(product);
            products.Add(product.Id);
        }

        var today = ClinicTimes.DateOf(clock.GetUtcNow(), zone);
        var lots = new List<DemoStockLot>();
        foreach (var r in Receipts)
        {
            var (product, supplier) = (Products[r.Product], Suppliers[r.Supplier]);
            var receivedOn = today.AddDays(-r.ReceivedDaysAgo);
            var lot = new Lot(
                products[r.Product],
                new LotReceipt(r.LotNumber, today.AddDays(r.ExpiresInDays), supplier.Name, supplier.Address, supplier.Dea, r.Invoice, receivedOn, r.Quantity),
                receivedBy,
                ReceivedAt(receivedOn, zone));
            db.Lots.Add(lot);
            lots.Add(new DemoStockLot(lot, product.Drug, product.Form, product.MgPerUnit, product.UnitsPerContainer));
        }

        await db.SaveChangesAsync(cancellationToken);
        return new DemoStock(lots, zone);
    }

    /// <summary>The ledger of the demo's lots: receipts, the dosing sessions' doses, a waste, a count and its resolution.</summary>
    internal async Task LedgerAsync(DemoStock stock, NoteSigner nurse, NoteSigner prescriber, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        if (stock.Lots.Count == 0)
        {
            return;
        }

        var admin = await db.Users.AsNoTracking()
            .Where(u => !u.IsDisabled && db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Users.ClinicRoles.Admin)))
            .OrderBy(u => u.CreatedAt).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
        var ledger = new DemoInventoryLedger(db, stock, nurse, prescriber, admin, zone, clock.GetUtcNow());
        await ledger.WriteAsync(cancellationToken);
    }

    internal static DateTimeOffset ReceivedAt(DateOnly day, TimeZoneInfo zone) => ClinicTimes.ToUtc(day, new TimeOnly(10, 30), zone);
}
