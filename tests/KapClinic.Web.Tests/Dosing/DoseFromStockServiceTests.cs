using KapClinic.Core.Common;
using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Dosing;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Inventory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KapClinic.Web.Tests.Dosing;

/// <summary>
/// Doses taken from stock through the service: two nurses racing for the last millilitres of a lot (the database
/// decides), and esketamine counted in devices.
/// </summary>
public sealed class DoseFromStockServiceTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task Two_nurses_dosing_from_a_nearly_empty_lot_at_the_same_moment_only_the_feasible_dose_is_recorded()
    {
        var first = await DoseStockData.SessionAsync(App);
        var second = await DoseStockData.SessionAsync(App);
        var lotId = await InventoryData.LotAsync(App, await InventoryData.ProductAsync(App), 1m, first.PrescriberId);
        var inputs = new[] { await DoseStockData.InputAsync(App, first, lotId), await DoseStockData.InputAsync(App, second, lotId) };

        // Hold the lot's row so both doses pass every check in C# and meet in the database, then let them go together.
        Task<Guid>[] doses;
        await using (var holder = await OpenAsync())
        {
            await using var hold = await holder.BeginTransactionAsync();
            await using (var command = new NpgsqlCommand("SELECT id FROM inventory_lots WHERE id = @id FOR UPDATE", holder, hold))
            {
                command.Parameters.AddWithValue("id", lotId);
                await command.ExecuteNonQueryAsync();
            }

            doses = [AdministerAsync(first, inputs[0]), AdministerAsync(second, inputs[1])];
            await WaitForLockWaitersAsync(holder, 2);
            await hold.RollbackAsync();
        }

        var outcomes = await Task.WhenAll(doses.Select(async d =>
        {
            try
            {
                await d;
                return null;
            }
            catch (RuleViolationException ex)
            {
                return ex;
            }
        }));

        var refusal = Assert.Single(outcomes, o => o is not null)!;
        Assert.Equal("LotId", refusal.Field);
        Assert.Equal("That is more than the lot holds now; nothing was recorded. Reload to see the current balance.", refusal.Message);
        Assert.Equal((0.30m, 2), await InventoryData.StateAsync(App, lotId));
        var entry = Assert.Single(await DoseStockData.AdministeredAsync(App, lotId));
        var given = new[] { first, second }.Single(s => s.SessionId == entry.DosingSessionId);
        var refused = new[] { first, second }.Single(s => s.SessionId != entry.DosingSessionId);
        Assert.Equal(entry.AdministrationId, Assert.Single((await DosingPagesData.LoadAsync(App, given.SessionId)).Administrations).Id);
        Assert.Empty((await DosingPagesData.LoadAsync(App, refused.SessionId)).Administrations);
    }

    [Fact]
    public async Task An_esketamine_dose_takes_its_devices_from_the_lot()
    {
        var s = await DoseStockData.SessionAsync(App, DefaultProtocols.EsketamineId);
        var lotId = await InventoryData.LotAsync(App, await DoseStockData.EsketamineProductAsync(App), 3m, s.PrescriberId, lotNumber: "ESK-T-1");
        var input = await DoseStockData.InputAsync(App, s, lotId, 56m);
        input.Route = AdministrationRoute.Intranasal;
        input.DeviceCount = 2;

        var administrationId = await AdministerAsync(s, input);

        var entry = Assert.Single(await DoseStockData.AdministeredAsync(App, lotId));
        Assert.Equal((-2m, 1m, administrationId), (entry.Delta, entry.BalanceAfter, entry.AdministrationId!.Value));
        var dose = Assert.Single((await DosingPagesData.LoadAsync(App, s.SessionId)).Administrations);
        Assert.Equal(("ESK-T-1", 2), (dose.LotNumber, dose.DeviceCount!.Value));
    }

    private async Task<Guid> AdministerAsync(StockSession s, DoseInput input)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DosingSessionService>().AdministerAsync(s.PatientId, s.SessionId, input, s.NurseId);
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var connection = new NpgsqlConnection(scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().Database.GetConnectionString());
        await connection.OpenAsync();
        return connection;
    }

    // Polls (from another connection: the holder is inside its transaction) until that many sessions wait on a lock.
    private async Task WaitForLockWaitersAsync(NpgsqlConnection holder, int count)
    {
        await using var watcher = await OpenAsync();
        for (var deadline = DateTime.UtcNow.AddSeconds(20); DateTime.UtcNow < deadline; await Task.Delay(50))
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> @holder", watcher);
            command.Parameters.AddWithValue("holder", holder.ProcessID);
            if ((long)(await command.ExecuteScalarAsync())! >= count)
            {
                return;
            }
        }

        Assert.Fail($"The two doses never met at the lot's row lock.");
    }
}
