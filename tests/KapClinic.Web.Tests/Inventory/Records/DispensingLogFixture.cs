using KapClinic.Core.Data;
using KapClinic.Core.Inventory;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Inventory.Records;

/// <summary>
/// A hand-computed ledger for one product, on the clinic's clock (New York, EST in November):
/// <code>
/// UTC               clinic day  entry                      lot A  lot B  product
/// 11-02 15:00       11-02       receive A 10               10            10
/// 11-03 15:00       11-03       administer A 0.7           9.3           9.3   (given 14:20 by Noor Nurse, RN)
/// 11-05 03:30       11-04       waste A 0.3 (22:30 local)  9.0           9.0
/// 11-05 15:00       11-05       count A 9 (matches)        9.0           9.0
/// 11-06 15:00       11-06       adjust A -0.5              8.5           8.5
/// 11-07 15:00       11-07       receive B 5                       5      13.5
/// 11-08 15:00       11-08       waste B 1                         4      12.5
/// 11-09 15:00       11-09       count A 8 (expected 8.5)   8.5           12.5
/// 11-10 15:00       11-10       correct the waste +0.4            4.4    12.9
/// </code>
/// </summary>
public sealed class DispensingLogFixture : RecordsClockFixture
{
    public Guid ProductId { get; private set; }

    public Guid LotA { get; private set; }

    public Guid LotB { get; private set; }

    public Guid Admin { get; private set; }

    public Guid Witness { get; private set; }

    public Guid Clinician { get; private set; }

    public Guid Nurse { get; private set; }

    public Guid PatientId { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var data = new InventoryTestData(Factory);
        Admin = await TestUsers.CreateAsync(Factory, ClinicRoles.Admin, name: "Avery Admin");
        Witness = await TestUsers.CreateAsync(Factory, ClinicRoles.Clinician, name: "Wren Witness");
        Clinician = await TestUsers.CreateAsync(Factory, ClinicRoles.Clinician, prescriber: true, name: "Casey Clinician");
        Nurse = await TestUsers.CreateAsync(Factory, ClinicRoles.Clinician, name: "Noor Nurse");
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().Database.ExecuteSqlAsync($"UPDATE users SET credentials = 'RN' WHERE id = {Nurse}");
        }

        PatientId = await PatientSeed.CreateAsync(Factory);
        ProductId = await data.ProductAsync();

        LotA = await data.ReceiveAsync(ProductId, 10m, new DateOnly(2026, 11, 2), Admin, "LOT-A");
        At(11, 3, 15, 0);
        await data.AdministerAsync(LotA, 0.7m, PatientId, Clinician, Clock.GetUtcNow(), givenById: Nurse, givenAt: Clock.GetUtcNow().AddMinutes(-40));
        At(11, 5, 3, 30);
        await data.WithAsync<InventoryService>(s => s.WasteAsync(LotA, InventoryTestData.Movement(0.3m, Witness, "=HYPERLINK(\"http://x\")"), Admin));
        At(11, 5, 15, 0);
        await data.WithAsync<InventoryService>(s => s.CountAsync(LotA, 9m, Clinician));
        At(11, 6, 15, 0);
        await data.WithAsync<InventoryService>(s => s.AdjustAsync(LotA, InventoryTestData.Movement(-0.5m, Witness, "Broken vial found in the safe"), Admin));
        At(11, 7, 15, 0);
        LotB = await data.ReceiveAsync(ProductId, 5m, new DateOnly(2026, 11, 7), Admin, "LOT-B");
        At(11, 8, 15, 0);
        var waste = await data.WithAsync<InventoryService, Guid>(s => s.WasteAsync(LotB, InventoryTestData.Movement(1m, Witness, "Dropped"), Admin));
        At(11, 9, 15, 0);
        await data.WithAsync<InventoryService, CountResult>(s => s.CountAsync(LotA, 8m, Clinician));
        At(11, 10, 15, 0);
        await data.WithAsync<InventoryService, Guid>(s => s.CorrectAsync(waste, InventoryTestData.Movement(0.4m, Witness, "Only 0.6 mL was wasted"), Admin));
    }

    private void At(int month, int day, int hour, int minute) => Clock.SetUtcNow(new DateTimeOffset(2026, month, day, hour, minute, 0, TimeSpan.Zero));
}
