namespace KapClinic.Core.Inventory;

/// <summary>A lot with its receipt facts, its balance and its whole ledger, oldest first.</summary>
public sealed record LotDetails(
    LotHeader Header, decimal MgPerUnit, decimal UnitsPerContainer, string SupplierName, string SupplierAddress, string SupplierDeaNumber,
    string InvoiceNumber, DateOnly ReceivedOn, decimal QuantityReceived, string ReceivedBy, decimal Balance, uint Version,
    IReadOnlyList<LedgerRow> Entries)
{
    public LotStatus StatusOn(DateOnly today) => InventoryQueries.StatusOf(Header.IsClosed, Balance, Header.ExpiresOn, today);
}
