using KapClinic.Core.Courses;

namespace KapClinic.Core.Inventory;

/// <summary>A product with what is on hand: the sum of its open lots, in its unit, in mg and in containers.</summary>
public sealed record ProductStock(
    Guid Id, string Name, string Ndc, DrugKind Drug, DosageForm Form, string Strength, decimal MgPerUnit, decimal UnitsPerContainer,
    decimal ReorderLevelUnits, bool IsActive, decimal BalanceUnits, int OpenLots)
{
    public string UnitName => DrugProduct.UnitNameOf(Form);

    public decimal BalanceMg => BalanceUnits * MgPerUnit;

    /// <summary>The balance as full containers' worth (vials of 10 mL, say), to 1 decimal.</summary>
    public decimal Containers => decimal.Round(BalanceUnits / UnitsPerContainer, 1, MidpointRounding.AwayFromZero);

    public bool IsLow => IsActive && BalanceUnits <= ReorderLevelUnits;
}
