namespace KapClinic.Core.Inventory;

/// <summary>What a receipt records about a lot (CLINICAL.md: date, supplier name, address and DEA number, quantity, invoice).</summary>
public sealed record LotReceipt(
    string LotNumber, DateOnly ExpiresOn, string SupplierName, string SupplierAddress, string SupplierDeaNumber, string InvoiceNumber,
    DateOnly ReceivedOn, decimal Quantity);
