namespace KapClinic.Core.Inventory;

/// <summary>
/// What every lot form shows at the top: product and lot, never the balance (the count form is blind; the others show
/// the balance on the lot page they come from).
/// </summary>
public sealed record LotHeader(
    Guid Id, Guid ProductId, string ProductName, string Strength, string Ndc, DosageForm Form, string LotNumber, DateOnly ExpiresOn, bool IsClosed)
{
    public string UnitName => DrugProduct.UnitNameOf(Form);
}
