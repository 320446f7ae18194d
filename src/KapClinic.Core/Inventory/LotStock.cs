namespace KapClinic.Core.Inventory;

/// <summary>A lot on the dashboard: its balance and expiry.</summary>
public sealed record LotStock(
    Guid Id, Guid ProductId, string ProductName, DosageForm Form, string LotNumber, DateOnly ExpiresOn, DateOnly ReceivedOn, decimal Balance, bool IsClosed)
{
    public string UnitName => DrugProduct.UnitNameOf(Form);

    public LotStatus StatusOn(DateOnly today) => InventoryQueries.StatusOf(IsClosed, Balance, ExpiresOn, today);

    public int DaysToExpiry(DateOnly today) => ExpiresOn.DayNumber - today.DayNumber;
}
