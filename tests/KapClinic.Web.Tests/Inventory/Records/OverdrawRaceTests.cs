using KapClinic.Core.Common;
using KapClinic.Core.Data;
using KapClinic.Core.Inventory;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Inventory.Records;

/// <summary>Racing movements on one lot: the database's row lock and check let exactly the feasible ones through.</summary>
public sealed class OverdrawRaceTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task Ten_parallel_wastes_of_one_unit_from_a_lot_of_five_leave_exactly_five_recorded_and_the_lot_empty()
    {
        var data = new InventoryTestData(App);
        var recorder = await TestUsers.CreateAsync(App, ClinicRoles.Admin);
        var witnesses = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            witnesses.Add(await TestUsers.CreateAsync(App, ClinicRoles.Clinician));
        }

        var lot = await data.ReceiveAsync(await data.ProductAsync(), 5m, DateOnly.FromDateTime(DateTime.UtcNow), recorder);
        using var start = new ManualResetEventSlim();

        var attempts = witnesses.Select(witness => Task.Run(async () =>
        {
            start.Wait();
            await using var scope = App.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<InventoryService>().WasteAsync(lot, InventoryTestData.Movement(1m, witness, "Dropped"), recorder);
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(attempts.Select(async a =>
        {
            try
            {
                await a;
                return (Exception?)null;
            }
            catch (Exception ex)
            {
                return ex;
            }
        }));

        Assert.Equal(5, outcomes.Count(o => o is null));
        Assert.All(outcomes.OfType<Exception>(), ex =>
            Assert.Contains("more than the lot holds", Assert.IsType<RuleViolationException>(ex).Message, StringComparison.Ordinal));
        await using var check = App.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        Assert.Equal(0m, (await db.Lots.AsNoTracking().SingleAsync(l => l.Id == lot)).Balance);
        var afters = await db.LedgerEntries.Where(e => e.LotId == lot && e.Kind == LedgerEntryKind.Wasted).Select(e => e.BalanceAfter).ToListAsync();
        Assert.Equal([0m, 1m, 2m, 3m, 4m], afters.Order());
    }
}
