using KapClinic.Core.Data;
using KapClinic.Core.Demo;
using KapClinic.Core.Inventory;
using KapClinic.Core.Scheduling;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static KapClinic.Web.Tests.Scheduling.SchedulingSeed;

namespace KapClinic.Web.Tests.Inventory;

/// <summary>The demo clinic's controlled-substance records add up: every demo dose is in the ledger and every balance reads true.</summary>
public sealed class DemoInventoryTests(SchedulingFixture fixture) : IClassFixture<SchedulingFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task Every_demo_administration_has_its_ledger_entry_from_a_lot_of_the_right_product()
    {
        await SeedAsync();
        var (doses, entries, lots, products) = await RecordsAsync();

        Assert.True(doses.Count >= 9, $"Only {doses.Count} demo doses.");
        var administered = entries.Where(e => e.Kind == LedgerEntryKind.Administered).ToList();
        Assert.Equal(doses.Count, administered.Count);
        foreach (var dose in doses)
        {
            var entry = Assert.Single(administered, e => e.AdministrationId == dose.Id);
            var product = products[lots[dose.LotId!.Value].ProductId];
            Assert.Equal((dose.LotId!.Value, dose.PatientId, dose.NoteId, dose.GivenById), (entry.LotId, entry.PatientId!.Value, entry.DosingSessionId!.Value, entry.RecordedBy));
            Assert.Equal((dose.Drug, -product.UnitsFor(dose.DoseMg)), (product.Drug, entry.Delta));
            Assert.Equal(lots[dose.LotId!.Value].LotNumber, dose.LotNumber);
            Assert.Contains(product.Form, DrugProduct.FormsFor(dose.Route));
        }

        Assert.Contains(administered, e => products[e.ProductId].Form == DosageForm.NasalDevice && e.Delta == -3m);
        Assert.Contains(administered, e => products[e.ProductId].Form == DosageForm.Lozenge && e.Delta == -2m);
    }

    [Fact]
    public async Task Each_demo_lots_balance_is_received_less_administered_and_wasted_plus_adjustments_entry_by_entry()
    {
        await SeedAsync();
        var (_, entries, lots, _) = await RecordsAsync();

        Assert.True(lots.Count >= 6, $"Only {lots.Count} demo lots.");
        Assert.All(lots.Values, lot => Assert.True(DeaNumber.IsValid(lot.SupplierDeaNumber), $"{lot.SupplierDeaNumber} is not a valid DEA number."));
        foreach (var lot in lots.Values)
        {
            var ledger = entries.Where(e => e.LotId == lot.Id).OrderBy(e => e.RecordedAt).ToList();
            Assert.Equal(LedgerEntryKind.Received, ledger[0].Kind);
            Assert.Equal(lot.QuantityReceived, ledger[0].Delta);
            var running = 0m;
            foreach (var entry in ledger)
            {
                running += entry.Delta;
                Assert.Equal(running, entry.BalanceAfter);
                Assert.True(running >= 0);
            }

            decimal Sum(LedgerEntryKind kind) => ledger.Where(e => e.Kind == kind).Sum(e => e.Quantity);
            var adjustments = ledger.Where(e => e.Kind is LedgerEntryKind.Adjustment or LedgerEntryKind.Correction).Sum(e => e.Delta);
            Assert.Equal(
                Sum(LedgerEntryKind.Received) - Sum(LedgerEntryKind.Administered) - Sum(LedgerEntryKind.Wasted) - Sum(LedgerEntryKind.ReturnedOrDestroyed) + adjustments,
                lot.Balance);
            Assert.Equal(running, lot.Balance);
        }
    }

    [Fact]
    public async Task The_demo_has_one_witnessed_waste_one_resolved_discrepancy_and_a_lot_near_expiry_on_the_dashboard()
    {
        await SeedAsync();
        var (_, entries, lots, _) = await RecordsAsync();
        var users = await WithDbAsync(App, db => db.Users.AsNoTracking().ToDictionaryAsync(u => u.Email!, u => u.Id));

        var waste = Assert.Single(entries, e => e.Kind == LedgerEntryKind.Wasted);
        Assert.Equal((users[DemoSeeder.NurseEmail], users[DemoSeeder.PrescriberEmail]), (waste.RecordedBy, waste.WitnessId!.Value));
        Assert.Equal(DosageForm.Vial, (await WithDbAsync(App, db => db.DrugProducts.SingleAsync(p => p.Id == waste.ProductId))).Form);
        Assert.Equal(0m, (lots[waste.LotId].QuantityReceived - waste.BalanceAfter) % 10m);

        var discrepancy = Assert.Single(await WithDbAsync(App, db => db.Discrepancies.AsNoTracking().ToListAsync()));
        Assert.False(discrepancy.IsOpen);
        Assert.Equal((users["admin@kapclinic.test"], -DemoInventorySeeder.CountShortfall), (discrepancy.ResolvedBy!.Value, discrepancy.Variance));
        Assert.False(string.IsNullOrWhiteSpace(discrepancy.ResolutionNote));
        var count = Assert.Single(entries, e => e.Kind == LedgerEntryKind.Count);
        Assert.Equal((count.Id, count.ExpectedUnits!.Value - 0.2m), (discrepancy.CountEntryId, count.CountedUnits!.Value));
        var adjustment = Assert.Single(entries, e => e.Kind == LedgerEntryKind.Adjustment);
        Assert.Equal((count.LotId, -0.2m, users["admin@kapclinic.test"], users[DemoSeeder.PrescriberEmail]), (adjustment.LotId, adjustment.Delta, adjustment.RecordedBy, adjustment.WitnessId!.Value));

        var today = ClinicTimes.DateOf(SchedulingFixture.Now, Zone);
        await using var scope = App.Services.CreateAsyncScope();
        var dashboard = await scope.ServiceProvider.GetRequiredService<InventoryQueries>().DashboardAsync(today);
        Assert.NotEmpty(dashboard.ExpiringSoon);
        Assert.Empty(dashboard.ExpiredWithStock);
        Assert.Empty(dashboard.OpenDiscrepancies);
        Assert.Equal(3, dashboard.Products.Count);
    }

    [Fact]
    public async Task Seeding_the_demo_again_adds_no_products_lots_or_ledger_entries()
    {
        await SeedAsync();
        var before = await CountsAsync();

        await using (var scope = App.Services.CreateAsyncScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync());
            var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
            var prescriber = await db.Users.SingleAsync(u => u.Email == DemoSeeder.PrescriberEmail);
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<DemoDosingSeeder>().SeedAsync(prescriber, []));
        }

        Assert.Equal(before, await CountsAsync());
    }

    // Whichever test runs first seeds the class's database.
    private async Task SeedAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
    }

    private async Task<(int Products, int Lots, int Entries, int Discrepancies)> CountsAsync() =>
        await WithDbAsync(App, async db => (await db.DrugProducts.CountAsync(), await db.Lots.CountAsync(), await db.LedgerEntries.CountAsync(), await db.Discrepancies.CountAsync()));

    private async Task<(List<Core.Dosing.DoseAdministration> Doses, List<LedgerEntry> Entries, Dictionary<Guid, Lot> Lots, Dictionary<Guid, DrugProduct> Products)> RecordsAsync() =>
        await WithDbAsync(App, async db => (
            await db.DoseAdministrations.AsNoTracking().ToListAsync(),
            await db.LedgerEntries.AsNoTracking().ToListAsync(),
            await db.Lots.AsNoTracking().ToDictionaryAsync(l => l.Id),
            await db.DrugProducts.AsNoTracking().ToDictionaryAsync(p => p.Id)));
}
