using KapClinic.Core.Common;
using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Inventory;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KapClinic.Web.Tests.Inventory;

/// <summary>The database keeps the lot balances: receipts add, movements subtract, overdraw and edits are refused.</summary>
public sealed class LedgerDatabaseTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task A_receipt_and_a_witnessed_waste_move_the_lot_balance_and_record_the_balance_after()
    {
        var (lotId, recorder, witness) = await LotAsync(10m);

        await WithServiceAsync<InventoryService>(s => s.WasteAsync(
            lotId, new MovementInput { Quantity = 2.5m, Reason = "Unused part of the vial", WitnessId = witness, WitnessPassword = TestUsers.Password }, recorder));

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        Assert.Equal(7.5m, (await db.Lots.SingleAsync(l => l.Id == lotId)).Balance);
        var entries = await db.LedgerEntries.Where(e => e.LotId == lotId).OrderBy(e => e.RecordedAt).ToListAsync();
        Assert.Equal([(LedgerEntryKind.Received, 10m), (LedgerEntryKind.Wasted, 7.5m)], entries.Select(e => (e.Kind, e.BalanceAfter)));
    }

    [Fact]
    public async Task A_movement_larger_than_the_lot_is_refused_and_nothing_is_written()
    {
        var (lotId, recorder, witness) = await LotAsync(3m);

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => WithServiceAsync<InventoryService>(s => s.WasteAsync(
            lotId, new MovementInput { Quantity = 3.01m, Reason = "Dropped", WitnessId = witness, WitnessPassword = TestUsers.Password }, recorder)));

        Assert.Contains("more than the lot holds", refusal.Message, StringComparison.Ordinal);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        Assert.Equal(3m, (await db.Lots.SingleAsync(l => l.Id == lotId)).Balance);
        Assert.Equal(1, await db.LedgerEntries.CountAsync(e => e.LotId == lotId));
    }

    [Fact]
    public async Task A_blind_count_that_differs_opens_a_discrepancy_with_the_variance()
    {
        var (lotId, recorder, _) = await LotAsync(10m);

        var result = await WithServiceAsync<InventoryService, CountResult>(s => s.CountAsync(lotId, 9.5m, recorder));

        Assert.Equal((10m, 9.5m, -0.5m), (result.ExpectedUnits, result.CountedUnits, result.Variance));
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        var discrepancy = await db.Discrepancies.SingleAsync(d => d.Id == result.DiscrepancyId);
        Assert.True(discrepancy.IsOpen && discrepancy.IsLoss);
    }

    [Theory]
    [InlineData("UPDATE inventory_ledger SET delta = 100 WHERE lot_id = {0}")]
    [InlineData("DELETE FROM inventory_ledger WHERE lot_id = {0}")]
    [InlineData("UPDATE inventory_lots SET balance = 100 WHERE id = {0}")]
    [InlineData("DELETE FROM inventory_lots WHERE id = {0}")]
    [InlineData("UPDATE inventory_lots SET expires_on = '2040-01-31' WHERE id = {0}")]
    [InlineData("UPDATE inventory_lots SET quantity_received = 100 WHERE id = {0}")]
    [InlineData("UPDATE inventory_lots SET supplier_dea_number = 'AB1234563' WHERE id = {0}")]
    public async Task A_raw_change_to_the_ledger_or_a_lot_balance_is_refused_by_the_database(string sql)
    {
        var (lotId, _, _) = await LotAsync(5m);

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        var refusal = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(sql, lotId));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refusal.SqlState);
        Assert.Equal(5m, (await db.Lots.AsNoTracking().SingleAsync(l => l.Id == lotId)).Balance);
    }

    private async Task<(Guid LotId, Guid Recorder, Guid Witness)> LotAsync(decimal quantity)
    {
        var recorder = await TestUsers.CreateAsync(App, ClinicRoles.Clinician, prescriber: true);
        var witness = await TestUsers.CreateAsync(App, ClinicRoles.Clinician);
        var admin = await TestUsers.CreateAsync(App, ClinicRoles.Admin);
        var ndc = $"{Random.Shared.Next(10000, 99999)}-{Random.Shared.Next(100, 999)}-{Random.Shared.Next(10, 99)}";
        var productId = await WithServiceAsync<InventoryService, Guid>(s => s.CreateProductAsync(new ProductInput
        {
            Name = "Ketamine HCl injection", Ndc = ndc, Drug = DrugKind.Ketamine, Form = DosageForm.Vial, Strength = "500 mg/10 mL",
            MgPerUnit = 50m, UnitsPerContainer = 10m, ReorderLevelUnits = 20m,
        }, admin));
        var lotId = await WithServiceAsync<InventoryService, Guid>(s => s.ReceiveLotAsync(productId, new ReceiveLotInput
        {
            LotNumber = $"KET-{Guid.NewGuid():N}"[..20], ExpiresOn = new DateOnly(2030, 1, 31), SupplierName = "Cardinal Health",
            SupplierAddress = "7000 Cardinal Pl, Dublin, OH 43017", SupplierDeaNumber = "RC0183462", InvoiceNumber = "INV-1001",
            ReceivedOn = new DateOnly(2026, 11, 1), Quantity = quantity,
        }, recorder));
        return (lotId, recorder, witness);
    }

    private async Task WithServiceAsync<T>(Func<T, Task> action)
        where T : notnull
    {
        await using var scope = App.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<T>());
    }

    private async Task<TResult> WithServiceAsync<T, TResult>(Func<T, Task<TResult>> action)
        where T : notnull
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<T>());
    }
}
