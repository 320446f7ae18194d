using KapClinic.Core.Inventory;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Patients;
using Microsoft.Extensions.DependencyInjection;
using static KapClinic.Web.Tests.Inventory.InventoryData;

namespace KapClinic.Web.Tests.Inventory;

/// <summary>The dashboard and the lot page send the same number of SQL commands however many products, lots and entries there are.</summary>
public sealed class InventoryQueryCountTests(CountingAppFixture fixture) : IClassFixture<CountingAppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task The_dashboard_sends_the_same_number_of_commands_for_1_and_for_8_lots()
    {
        var (client, userId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician, prescriber: true);
        await CountedLotAsync(userId);
        await CommandsAsync(client, "/Inventory"); // warm up: the session check and the settings are cached after their first read
        var few = await CommandsAsync(client, "/Inventory");

        for (var i = 0; i < 7; i++)
        {
            await CountedLotAsync(userId);
        }

        var many = await CommandsAsync(client, "/Inventory");
        Assert.Equal(few, many);
        Assert.InRange(many, 1, 8);
    }

    [Fact]
    public async Task The_lot_page_sends_the_same_number_of_commands_for_2_and_for_12_entries()
    {
        var (client, userId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician, prescriber: true);
        var lotId = await CountedLotAsync(userId);
        await CommandsAsync(client, $"/Inventory/Lots/{lotId}"); // warm up: the session check is cached after its first read
        var few = await CommandsAsync(client, $"/Inventory/Lots/{lotId}");

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var inventory = scope.ServiceProvider.GetRequiredService<InventoryService>();
            for (var i = 0; i < 10; i++)
            {
                await inventory.CountAsync(lotId, 10m + i, userId);
            }
        }

        var many = await CommandsAsync(client, $"/Inventory/Lots/{lotId}");
        Assert.Equal(few, many);
        Assert.InRange(many, 1, 8);
    }

    private async Task<Guid> CountedLotAsync(Guid userId)
    {
        var lotId = await LotAsync(App, await ProductAsync(App), 10m, userId);
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<InventoryService>().CountAsync(lotId, 9m, userId);
        return lotId;
    }

    private async Task<int> CommandsAsync(HttpClient client, string url)
    {
        fixture.Counter.Reset();
        (await client.GetAsync(url)).EnsureSuccessStatusCode();
        return fixture.Counter.Commands.Count;
    }
}
