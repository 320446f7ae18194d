using KapClinic.Core.Common;
using KapClinic.Core.Courses;
using KapClinic.Core.Inventory;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Inventory.Records;

namespace KapClinic.Web.Tests.Inventory;

/// <summary>The service checks the acting user itself: products by Admins; receipts, movements, counts and closing by Admins or prescribers.</summary>
public sealed class InventoryServiceRoleTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Theory]
    [InlineData(ClinicRoles.Clinician)]
    [InlineData(ClinicRoles.Staff)]
    public async Task A_user_who_is_neither_admin_nor_prescriber_cannot_write_inventory(string role)
    {
        var prescriber = await TestUsers.CreateAsync(App, ClinicRoles.Clinician, prescriber: true);
        var witness = await TestUsers.CreateAsync(App, ClinicRoles.Clinician);
        var user = await TestUsers.CreateAsync(App, role);
        var productId = await InventoryData.ProductAsync(App);
        var lotId = await InventoryData.LotAsync(App, productId, 10m, prescriber);
        var receipt = (await InventoryData.EntriesAsync(App, lotId))[0].Id;
        var data = new InventoryTestData(App);
        var lot = await data.WithAsync<InventoryQueries, LotWithBalance>(q => q.LotWithBalanceAsync(lotId));

        Func<Task>[] writes =
        [
            () => InventoryData.LotAsync(App, productId, 5m, user),
            () => data.WithAsync<InventoryService, Guid>(s => s.WasteAsync(lotId, InventoryTestData.Movement(1m, witness), user)),
            () => data.WithAsync<InventoryService, Guid>(s => s.ReturnOrDestroyAsync(lotId, InventoryTestData.Movement(1m, witness, null, "F41-1"), user)),
            () => data.WithAsync<InventoryService, Guid>(s => s.CorrectAsync(receipt, InventoryTestData.Movement(-1m, witness, "Mistyped"), user)),
            () => data.WithAsync<InventoryService, CountResult>(s => s.CountAsync(lotId, 9m, user)),
            () => data.WithAsync<InventoryService>(s => s.CloseLotAsync(lotId, lot.Version, user)),
            () => data.WithAsync<InventoryService, Guid>(s => s.CreateProductAsync(Product(), user)),
        ];
        foreach (var write in writes)
        {
            var refusal = await Assert.ThrowsAsync<RuleViolationException>(write);
            Assert.Contains("Only an administrator", refusal.Message, StringComparison.Ordinal);
        }

        Assert.Equal((10m, 1), await InventoryData.StateAsync(App, lotId));
    }

    [Fact]
    public async Task A_prescriber_records_movements_but_only_an_admin_adds_a_product()
    {
        var prescriber = await TestUsers.CreateAsync(App, ClinicRoles.Clinician, prescriber: true);
        var admin = await TestUsers.CreateAsync(App, ClinicRoles.Admin);
        var witness = await TestUsers.CreateAsync(App, ClinicRoles.Clinician);
        var data = new InventoryTestData(App);

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => data.WithAsync<InventoryService, Guid>(s => s.CreateProductAsync(Product(), prescriber)));
        var productId = await data.WithAsync<InventoryService, Guid>(s => s.CreateProductAsync(Product(), admin));
        var lotId = await InventoryData.LotAsync(App, productId, 10m, prescriber);
        await data.WithAsync<InventoryService, Guid>(s => s.WasteAsync(lotId, InventoryTestData.Movement(1m, witness), prescriber));
        await data.WithAsync<InventoryService, CountResult>(s => s.CountAsync(lotId, 9m, admin));

        Assert.Equal("Only an administrator can do this.", refusal.Message);
        Assert.Equal((9m, 3), await InventoryData.StateAsync(App, lotId));
    }

    private static ProductInput Product() => new()
    {
        Name = "Ketamine HCl injection", Ndc = $"{Random.Shared.Next(10000, 99999)}-{Random.Shared.Next(100, 999)}-{Random.Shared.Next(10, 99)}", Drug = DrugKind.Ketamine,
        Form = DosageForm.Vial, Strength = "500 mg/10 mL (50 mg/mL)", MgPerUnit = 50m, UnitsPerContainer = 10m, ReorderLevelUnits = 20m,
    };
}
