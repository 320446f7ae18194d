using KapClinic.Core.Common;
using KapClinic.Core.Inventory;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Inventory.Records;

namespace KapClinic.Web.Tests.Inventory;

/// <summary>A correction goes against its entry and, with the earlier ones, undoes at most the whole entry; administrations are corrected on the dose record.</summary>
public sealed class CorrectionRulesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task A_receipt_of_ten_is_corrected_by_at_most_minus_ten_in_all()
    {
        var (lotId, recorder, witness) = await LotAsync(10m);
        var receipt = (await InventoryData.EntriesAsync(App, lotId))[0].Id;

        await CorrectAsync(receipt, -6m, recorder, witness);
        var tooMuch = await Assert.ThrowsAsync<RuleViolationException>(() => CorrectAsync(receipt, -4.01m, recorder, witness));
        await CorrectAsync(receipt, -4m, recorder, witness);
        var nothingLeft = await Assert.ThrowsAsync<RuleViolationException>(() => CorrectAsync(receipt, -0.01m, recorder, witness));

        Assert.Equal("Quantity", tooMuch.Field);
        Assert.Contains("at most 4 units", tooMuch.Message, StringComparison.Ordinal);
        Assert.Contains("at most 0 units", nothingLeft.Message, StringComparison.Ordinal);
        Assert.Equal((0m, 3), await InventoryData.StateAsync(App, lotId));
    }

    [Fact]
    public async Task A_correction_with_the_same_sign_as_its_entry_is_refused()
    {
        var (lotId, recorder, witness) = await LotAsync(10m);
        var receipt = (await InventoryData.EntriesAsync(App, lotId))[0].Id;

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => CorrectAsync(receipt, 1m, recorder, witness));

        Assert.Equal("Quantity", refusal.Field);
        Assert.Contains("negative", refusal.Message, StringComparison.Ordinal);
        Assert.Equal((10m, 1), await InventoryData.StateAsync(App, lotId));
    }

    [Fact]
    public async Task A_waste_of_two_is_corrected_by_at_most_plus_two()
    {
        var (lotId, recorder, witness) = await LotAsync(10m);
        var waste = await new InventoryTestData(App).WithAsync<InventoryService, Guid>(s => s.WasteAsync(lotId, InventoryTestData.Movement(2m, witness), recorder));

        var tooMuch = await Assert.ThrowsAsync<RuleViolationException>(() => CorrectAsync(waste, 3m, recorder, witness));
        var wrongWay = await Assert.ThrowsAsync<RuleViolationException>(() => CorrectAsync(waste, -1m, recorder, witness));
        await CorrectAsync(waste, 2m, recorder, witness);

        Assert.Contains("at most 2 units", tooMuch.Message, StringComparison.Ordinal);
        Assert.Contains("positive", wrongWay.Message, StringComparison.Ordinal);
        Assert.Equal((10m, 3), await InventoryData.StateAsync(App, lotId));
    }

    [Fact]
    public async Task An_administration_is_not_corrected_in_the_ledger_but_on_the_dose_record()
    {
        var (lotId, recorder, witness) = await LotAsync(10m);
        var patientId = await TestPatients.CreateAsync(App);
        var administered = await new InventoryTestData(App).AdministerAsync(lotId, 1m, patientId, recorder, DateTimeOffset.UtcNow);

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => CorrectAsync(administered, 1m, recorder, witness));

        Assert.Contains("correct the dose record instead", refusal.Message, StringComparison.Ordinal);
        Assert.Equal((9m, 2), await InventoryData.StateAsync(App, lotId));
    }

    private Task<Guid> CorrectAsync(Guid entryId, decimal delta, Guid recorder, Guid witness) =>
        new InventoryTestData(App).WithAsync<InventoryService, Guid>(s => s.CorrectAsync(entryId, InventoryTestData.Movement(delta, witness, "Mistyped"), recorder));

    private async Task<(Guid LotId, Guid Recorder, Guid Witness)> LotAsync(decimal quantity)
    {
        var recorder = await TestUsers.CreateAsync(App, ClinicRoles.Clinician, prescriber: true);
        var witness = await TestUsers.CreateAsync(App, ClinicRoles.Clinician);
        var lotId = await InventoryData.LotAsync(App, await InventoryData.ProductAsync(App), quantity, recorder);
        return (lotId, recorder, witness);
    }
}
