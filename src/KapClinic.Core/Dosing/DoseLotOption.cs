using KapClinic.Core.Inventory;

namespace KapClinic.Core.Dosing;

/// <summary>A stock lot a dose can be given from: open, in date and not empty.</summary>
public sealed record DoseLotOption(
    Guid Id, string ProductName, string Strength, DosageForm Form, decimal MgPerUnit, string LotNumber, DateOnly ExpiresOn, decimal Balance)
{
    /// <summary>"mL", "lozenge", "device", "tablet".</summary>
    public string UnitName => DrugProduct.UnitNameOf(Form);

    /// <summary>What a dose of <paramref name="mg"/> takes from this lot, in its unit.</summary>
    public decimal UnitsFor(decimal mg) => DrugProduct.UnitsOf(mg, MgPerUnit);
}
