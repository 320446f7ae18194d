namespace KapClinic.Core.Inventory;

public sealed class ReceiveLotInput
{
    public string? LotNumber { get; set; }

    public DateOnly? ExpiresOn { get; set; }

    public string? SupplierName { get; set; }

    public string? SupplierAddress { get; set; }

    public string? SupplierDeaNumber { get; set; }

    public string? InvoiceNumber { get; set; }

    public DateOnly? ReceivedOn { get; set; }

    /// <summary>Units received (mL, lozenges, devices).</summary>
    public decimal? Quantity { get; set; }
}
