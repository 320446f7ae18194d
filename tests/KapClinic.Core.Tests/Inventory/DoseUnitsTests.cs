using KapClinic.Core.Courses;
using KapClinic.Core.Dosing;
using KapClinic.Core.Inventory;

namespace KapClinic.Core.Tests.Inventory;

/// <summary>What a dose takes from a lot, in the product's unit, and which lots fit the dose's route.</summary>
public sealed class DoseUnitsTests
{
    [Theory]
    [InlineData(35, 50, 0.70)]
    [InlineData(36, 50, 0.72)]
    [InlineData(33.333, 50, 0.67)]
    [InlineData(56, 28, 2)]
    [InlineData(84, 28, 3)]
    [InlineData(200, 100, 2)]
    public void A_dose_in_mg_is_taken_as_units_of_the_product_to_two_decimals(decimal mg, decimal mgPerUnit, decimal units) =>
        Assert.Equal(units, DrugProduct.UnitsOf(mg, mgPerUnit));

    [Fact]
    public void Each_route_is_given_from_the_forms_that_fit_it()
    {
        Assert.Equal([DosageForm.Vial], DrugProduct.FormsFor(AdministrationRoute.Intravenous));
        Assert.Equal([DosageForm.Vial], DrugProduct.FormsFor(AdministrationRoute.Intramuscular));
        Assert.Equal([DosageForm.Lozenge, DosageForm.Tablet], DrugProduct.FormsFor(AdministrationRoute.Sublingual));
        Assert.Equal([DosageForm.Lozenge, DosageForm.Tablet], DrugProduct.FormsFor(AdministrationRoute.Oral));
        Assert.Equal([DosageForm.NasalDevice], DrugProduct.FormsFor(AdministrationRoute.Intranasal));
    }

    [Theory]
    [InlineData("0.70 mL", 0.7, "mL")]
    [InlineData("1 lozenge", 1, "lozenge")]
    [InlineData("2 devices", 2, "device")]
    public void Quantities_read_in_the_units_of_the_ledger(string text, decimal units, string unitName) =>
        Assert.Equal(text, DoseLots.Quantity(units, unitName));

    [Fact]
    public void A_dose_from_stock_needs_a_lot_chosen_and_a_typed_lot_number_otherwise()
    {
        var validator = new DoseInputValidator();
        DoseInput Input(bool fromStock, Guid? lotId, string? lotNumber) => new()
        {
            Route = AdministrationRoute.Intravenous, DoseMg = 35m, AdministeredAt = new DateTime(2026, 11, 2, 9, 0, 0), GivenById = Guid.NewGuid(),
            LotFromStock = fromStock, LotId = lotId, LotNumber = lotNumber,
        };

        Assert.Equal(["LotId"], validator.Validate(Input(true, null, "KET-1")).Errors.Select(e => e.PropertyName));
        Assert.True(validator.Validate(Input(true, Guid.NewGuid(), null)).IsValid);
        Assert.Equal(["LotNumber"], validator.Validate(Input(false, null, " ")).Errors.Select(e => e.PropertyName));
        Assert.True(validator.Validate(Input(false, null, "KET-1")).IsValid);
    }
}
