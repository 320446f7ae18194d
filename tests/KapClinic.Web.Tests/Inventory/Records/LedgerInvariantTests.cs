using KapClinic.Core.Common;
using KapClinic.Core.Data;
using KapClinic.Core.Inventory;
using KapClinic.Core.Inventory.Records;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Inventory.Records;

/// <summary>
/// A seeded random sequence of movements over three lots, through <see cref="InventoryService"/>: whatever is
/// accepted or refused, each lot's balance is what its accepted entries add up to, never below zero, and the
/// database's balance_after and the dispensing log's running balance agree with it.
/// </summary>
public sealed class LedgerInvariantTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private enum Operation
    {
        Waste,
        Return,
        Adjust,
        Correct,
        Count,
        Administer,
    }

    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task Random_movements_keep_every_lot_balance_equal_to_its_accepted_entries_and_never_negative()
    {
        var random = new Random(20261128);
        var data = new InventoryTestData(App);
        var admin = await TestUsers.CreateAsync(App, ClinicRoles.Admin);
        var witness = await TestUsers.CreateAsync(App, ClinicRoles.Clinician);
        var product = await data.ProductAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var lots = new List<Guid>();
        var expected = new Dictionary<Guid, Totals>();
        var correctable = new Dictionary<Guid, List<Guid>>();
        var correctionRoom = new Dictionary<Guid, (decimal Delta, decimal Corrected)>();
        foreach (var quantity in new[] { 10m, 6m, 3m })
        {
            var lot = await data.ReceiveAsync(product, quantity, today, admin);
            lots.Add(lot);
            expected[lot] = new Totals { Received = quantity };
            correctable[lot] = [await FirstEntryAsync(lot)];
            correctionRoom[correctable[lot][0]] = (quantity, 0m);
        }

        var refused = 0;
        var overCorrections = 0;
        for (var i = 0; i < 200; i++)
        {
            var lot = lots[random.Next(lots.Count)];
            var totals = expected[lot];
            var operation = (Operation)random.Next(6);
            var units = random.Next(1, 250) / 100m;
            var signed = random.Next(3) == 0 ? units : -units;
            try
            {
                switch (operation)
                {
                    case Operation.Waste:
                        correctable[lot].Add(await data.WithAsync<InventoryService, Guid>(s => s.WasteAsync(lot, InventoryTestData.Movement(units, witness), admin)));
                        correctionRoom[correctable[lot][^1]] = (-units, 0m);
                        totals.Wasted += units;
                        break;
                    case Operation.Return:
                        correctable[lot].Add(await data.WithAsync<InventoryService, Guid>(s => s.ReturnOrDestroyAsync(lot, InventoryTestData.Movement(units, witness, null, $"F41-{i}"), admin)));
                        correctionRoom[correctable[lot][^1]] = (-units, 0m);
                        totals.Returned += units;
                        break;
                    case Operation.Adjust:
                        correctable[lot].Add(await data.WithAsync<InventoryService, Guid>(s => s.AdjustAsync(lot, InventoryTestData.Movement(signed, witness, "Recount"), admin)));
                        correctionRoom[correctable[lot][^1]] = (signed, 0m);
                        totals.Adjusted += signed;
                        break;
                    case Operation.Administer:
                        var patient = await TestPatients.CreateAsync(App);
                        await data.AdministerAsync(lot, units, patient, admin, DateTimeOffset.UtcNow);
                        totals.Administered += units;
                        break;
                    case Operation.Correct:
                        var original = correctable[lot][random.Next(correctable[lot].Count)];
                        var room = correctionRoom[original];
                        signed = room.Delta > 0 ? -units : units;
                        if (Math.Abs(room.Delta + room.Corrected + signed) > Math.Abs(room.Delta) || Math.Sign(room.Delta + room.Corrected + signed) == -Math.Sign(room.Delta))
                        {
                            var over = await Assert.ThrowsAsync<RuleViolationException>(
                                () => data.WithAsync<InventoryService, Guid>(s => s.CorrectAsync(original, InventoryTestData.Movement(signed, witness, "Mistyped"), admin)));
                            Assert.Contains("at most undo", over.Message, StringComparison.Ordinal);
                            overCorrections++;
                            break;
                        }

                        await data.WithAsync<InventoryService, Guid>(s => s.CorrectAsync(original, InventoryTestData.Movement(signed, witness, "Mistyped"), admin));
                        correctionRoom[original] = (room.Delta, room.Corrected + signed);
                        totals.Corrected += signed;
                        break;
                    default:
                        var counted = random.Next(2) == 0 ? totals.Balance : units;
                        var result = await data.WithAsync<InventoryService, CountResult>(s => s.CountAsync(lot, counted, admin));
                        Assert.Equal(totals.Balance, result.ExpectedUnits);
                        break;
                }
            }
            catch (RuleViolationException ex) when (ex.Message.Contains("more than the lot holds", StringComparison.Ordinal))
            {
                Assert.True(totals.Balance + (operation is Operation.Adjust or Operation.Correct ? signed : -units) < 0, $"Refused a feasible {operation}.");
                refused++;
            }
            catch (Microsoft.EntityFrameworkCore.DbUpdateException ex) when (operation == Operation.Administer && ex.InnerException is Npgsql.PostgresException { ConstraintName: "ck_inventory_lots_balance_not_negative" })
            {
                Assert.True(totals.Balance - units < 0, "Refused a feasible administration.");
                refused++;
            }
        }

        Assert.InRange(refused, 1, 150); // the sequence did try to overdraw, and mostly succeeded
        Assert.True(overCorrections > 0, "The sequence tried a correction beyond its entry.");
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        foreach (var lot in lots)
        {
            var totals = expected[lot];
            var balance = (await db.Lots.AsNoTracking().SingleAsync(l => l.Id == lot)).Balance;
            var entries = await db.LedgerEntries.AsNoTracking().Where(e => e.LotId == lot).OrderBy(e => e.RecordedAt).ThenBy(e => e.Id).ToListAsync();
            Assert.Equal(totals.Balance, balance);
            Assert.Equal(totals.Received - totals.Administered - totals.Wasted - totals.Returned + totals.Adjusted + totals.Corrected, balance);
            Assert.Equal(totals.Administered, -entries.Where(e => e.Kind == LedgerEntryKind.Administered).Sum(e => e.Delta));
            Assert.Equal(balance, entries[^1].BalanceAfter);
            Assert.All(entries, e => Assert.True(e.BalanceAfter >= 0));
            Assert.Equal(totals.Wasted, -entries.Where(e => e.Kind == LedgerEntryKind.Wasted).Sum(e => e.Delta));
            Assert.Equal(totals.Returned, -entries.Where(e => e.Kind == LedgerEntryKind.ReturnedOrDestroyed).Sum(e => e.Delta));
        }

        var zone = TimeZoneInfo.Utc;
        var period = new RecordsPeriod(today.AddDays(-1), today.AddDays(1));
        var log = await scope.ServiceProvider.GetRequiredService<InventoryRecords>().DispensingLogEntries(product, period, zone).ToListAsync();
        Assert.Equal(lots.Sum(l => expected[l].Balance), log[^1].ProductBalance);
        Assert.All(log, e => Assert.True(e.ProductBalance >= 0));
    }

    private async Task<Guid> FirstEntryAsync(Guid lot)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().LedgerEntries.Where(e => e.LotId == lot).Select(e => e.Id).SingleAsync();
    }

    private sealed class Totals
    {
        public decimal Received { get; init; }

        public decimal Administered { get; set; }

        public decimal Wasted { get; set; }

        public decimal Returned { get; set; }

        public decimal Adjusted { get; set; }

        public decimal Corrected { get; set; }

        public decimal Balance => Received - Administered - Wasted - Returned + Adjusted + Corrected;
    }
}
