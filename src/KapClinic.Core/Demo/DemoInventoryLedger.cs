using KapClinic.Core.Data;
using KapClinic.Core.Inventory;
using KapClinic.Core.Notes;
using KapClinic.Core.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Demo;

/// <summary>
/// Writes the demo ledger in the order things happened, one entry a save (the database sets each balance after
/// from the one before): each lot's receipt; an Administered entry for every demo dose taken from a lot, recorded by
/// the nurse who gave it; after the latest signed IV session, the unused rest of its vial wasted by that nurse with
/// the prescriber as witness; a week ago a count of that lot 0.2 mL short, which the administrator adjusted
/// (witnessed) and resolved with a note the next morning.
/// </summary>
internal sealed class DemoInventoryLedger(
    KapClinicDbContext db, DemoStock stock, NoteSigner nurse, NoteSigner prescriber, Guid? adminId, TimeZoneInfo zone, DateTimeOffset now)
{
    private readonly List<(DateTimeOffset At, Func<CancellationToken, Task> Write)> events = [];

    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        foreach (var lot in stock.Lots)
        {
            var at = DemoInventorySeeder.ReceivedAt(lot.Lot.ReceivedOn, zone);
            Add(at, ct => SaveAsync(LedgerEntry.Received(lot.Lot, lot.Lot.ReceivedBy, at), ct));
        }

        var ids = stock.Lots.Select(l => l.Lot.Id).ToList();
        var doses = await db.DoseAdministrations.AsNoTracking().Where(a => a.LotId != null && ids.Contains(a.LotId.Value))
            .Join(db.DosingSessions, a => a.NoteId, s => s.Id, (a, s) => new { Dose = a, s.DischargedAt, s.SignedAt })
            .ToListAsync(cancellationToken);
        foreach (var item in doses)
        {
            var dose = item.Dose;
            var lot = LotOf(dose.LotId!.Value);
            Add(dose.RecordedAt, ct => SaveAsync(
                LedgerEntry.Administered(lot.Lot, DrugProduct.UnitsOf(dose.DoseMg, lot.MgPerUnit), dose.PatientId, dose.NoteId, dose.Id, dose.GivenById, dose.RecordedAt,
                    ClinicTimes.DateOf(dose.RecordedAt, zone)), ct));
        }

        var lastInfusion = doses.Where(d => d.Dose.IsInfusion && d.SignedAt != null && d.DischargedAt != null).MaxBy(d => d.Dose.AdministeredAt);
        if (lastInfusion is not null)
        {
            var vial = LotOf(lastInfusion.Dose.LotId!.Value);
            Add(lastInfusion.DischargedAt!.Value.AddMinutes(10), ct => WasteRestOfVialAsync(vial, lastInfusion.Dose.GivenById, lastInfusion.DischargedAt!.Value.AddMinutes(10), ct));
            if (adminId is { } admin)
            {
                var today = ClinicTimes.DateOf(now, zone);
                var countAt = ClinicTimes.ToUtc(today.AddDays(-7), new TimeOnly(17, 30), zone);
                Add(countAt, ct => CountShortAsync(vial, admin, countAt, ClinicTimes.ToUtc(today.AddDays(-6), new TimeOnly(9, 15), zone), ct));
            }
        }

        foreach (var (_, write) in events.OrderBy(e => e.At))
        {
            await write(cancellationToken);
        }
    }

    private void Add(DateTimeOffset at, Func<CancellationToken, Task> write) => events.Add((at, write));

    private DemoStockLot LotOf(Guid lotId) => stock.Lots.Single(l => l.Lot.Id == lotId);

    // The vial opened for the infusion is not kept for another patient: what is left of it goes to the waste container.
    private async Task WasteRestOfVialAsync(DemoStockLot vial, Guid recordedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var consumed = vial.Lot.QuantityReceived - await BalanceAsync(vial, cancellationToken);
        var rest = (Math.Ceiling(consumed / vial.UnitsPerContainer) * vial.UnitsPerContainer) - consumed;
        if (rest > 0)
        {
            await SaveAsync(LedgerEntry.Wasted(vial.Lot, rest, "Unused rest of the vial opened for the infusion; discarded into the drug waste container.", Witness(prescriber), recordedBy, at), cancellationToken);
        }
    }

    private async Task CountShortAsync(DemoStockLot vial, Guid adminId, DateTimeOffset countAt, DateTimeOffset resolvedAt, CancellationToken cancellationToken)
    {
        var balance = await BalanceAsync(vial, cancellationToken);
        var count = LedgerEntry.Count(vial.Lot, balance - DemoInventorySeeder.CountShortfall, nurse.Id, countAt);
        await SaveAsync(count, cancellationToken);
        var discrepancy = new Discrepancy(count, countAt);
        db.Discrepancies.Add(discrepancy);
        await db.SaveChangesAsync(cancellationToken);

        const string Reason = "Count of the open vial 0.2 mL short: hold-up volume in the vial and hub, confirmed by a recount with the prescriber.";
        await SaveAsync(LedgerEntry.Adjustment(vial.Lot, -DemoInventorySeeder.CountShortfall, Reason, Witness(prescriber), adminId, resolvedAt), cancellationToken);
        discrepancy.Resolve(
            adminId,
            "Recounted with the prescriber: 0.2 mL left in the opened vial's hub and dead space, not a loss by theft. Balance adjusted (witnessed); staff reminded to record the vial's remainder when it is wasted.",
            resolvedAt.AddMinutes(5));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<decimal> BalanceAsync(DemoStockLot lot, CancellationToken cancellationToken) =>
        await db.Lots.AsNoTracking().Where(l => l.Id == lot.Lot.Id).Select(l => l.Balance).SingleAsync(cancellationToken);

    private async Task SaveAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        db.LedgerEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
    }

    // The demo writes as the prescriber who stood beside the nurse; a live witness confirms with a password (InventoryWitnesses).
    private static Witness Witness(NoteSigner signer) => new(signer.Id, signer.SignatureName);
}
