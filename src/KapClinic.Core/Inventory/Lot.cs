using KapClinic.Core.Auditing;

namespace KapClinic.Core.Inventory;

/// <summary>
/// A lot of a product as received: lot number, expiry, supplier (name, address, DEA number), invoice, date and
/// quantity received. <see cref="Balance"/> is kept by the database alone: every ledger entry changes it in the same
/// statement, and a check constraint keeps it from going below zero, so two administrations racing for the last
/// millilitres cannot both succeed.
/// </summary>
public sealed class Lot : IAuditable
{
    public const int LotNumberMaxLength = 40;
    public const int SupplierNameMaxLength = 120;
    public const int SupplierAddressMaxLength = 300;
    public const int DeaNumberMaxLength = 9;
    public const int InvoiceMaxLength = 60;

    private Lot()
    {
        LotNumber = string.Empty;
        SupplierName = string.Empty;
        SupplierAddress = string.Empty;
        SupplierDeaNumber = string.Empty;
        InvoiceNumber = string.Empty;
    }

    internal Lot(Guid productId, LotReceipt receipt, Guid receivedBy, DateTimeOffset now)
        : this()
    {
        Id = Guid.CreateVersion7(now);
        ProductId = productId;
        LotNumber = receipt.LotNumber.Trim();
        ExpiresOn = receipt.ExpiresOn;
        SupplierName = receipt.SupplierName.Trim();
        SupplierAddress = receipt.SupplierAddress.Trim();
        SupplierDeaNumber = receipt.SupplierDeaNumber.Trim().ToUpperInvariant();
        InvoiceNumber = receipt.InvoiceNumber.Trim();
        ReceivedOn = receipt.ReceivedOn;
        QuantityReceived = receipt.Quantity;
        ReceivedBy = receivedBy;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid ProductId { get; private set; }

    public string LotNumber { get; private set; }

    public DateOnly ExpiresOn { get; private set; }

    public string SupplierName { get; private set; }

    public string SupplierAddress { get; private set; }

    public string SupplierDeaNumber { get; private set; }

    public string InvoiceNumber { get; private set; }

    public DateOnly ReceivedOn { get; private set; }

    /// <summary>Units received (mL, lozenges, devices).</summary>
    public decimal QuantityReceived { get; private set; }

    public Guid ReceivedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Units on hand, maintained by the database from the ledger (never written by the app).</summary>
    public decimal Balance { get; private set; }

    /// <summary>A closed lot (emptied and counted, or destroyed) takes no more entries.</summary>
    public bool IsClosed { get; private set; }

    /// <summary>Concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; private set; }

    public string AuditEntityType => "Lot";

    public Guid AuditEntityId => Id;

    public bool IsExpiredOn(DateOnly day) => ExpiresOn < day;

    public void Close()
    {
        if (IsClosed)
        {
            throw new Common.RuleViolationException("This lot is already closed.");
        }

        IsClosed = true;
    }
}
