using KapClinic.Core.Auditing;

namespace KapClinic.Core.Inventory.Records;

/// <summary>
/// A signed inventory kept for the record (DEA: an inventory at least every two years, readily retrievable): the day
/// it was taken as of, who signed and when (UTC), how many lots it listed and a SHA-256 of its lines, so a copy
/// produced later from the append-only ledger can be checked against what was signed. Append-only in the database.
/// </summary>
public sealed class SignedInventory : IAuditable
{
    private SignedInventory()
    {
        SignerName = string.Empty;
        ContentHash = string.Empty;
    }

    public SignedInventory(DateOnly asOf, InventorySignature signature, int lotCount, string contentHash)
        : this()
    {
        ArgumentNullException.ThrowIfNull(signature);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentHash);
        Id = Guid.CreateVersion7(signature.SignedAtUtc);
        AsOf = asOf;
        SignerId = signature.SignerId;
        SignerName = signature.SignerName;
        SignedAt = signature.SignedAtUtc;
        LotCount = lotCount;
        ContentHash = contentHash;
    }

    public Guid Id { get; private set; }

    public DateOnly AsOf { get; private set; }

    public Guid SignerId { get; private set; }

    public string SignerName { get; private set; }

    public DateTimeOffset SignedAt { get; private set; }

    public int LotCount { get; private set; }

    /// <summary>SHA-256 (hex) of the report's lines: lot id, lot number, balance and last count, in report order.</summary>
    public string ContentHash { get; private set; }

    public string AuditEntityType => "SignedInventory";

    public Guid AuditEntityId => Id;

    /// <summary>The hash of the report's lots, as signed.</summary>
    public static string Hash(IEnumerable<InventoryReportLot> lots)
    {
        ArgumentNullException.ThrowIfNull(lots);
        var lines = string.Join('\n', lots.Select(l => FormattableString.Invariant(
            $"{l.LotId:D}|{l.LotNumber}|{l.Balance:0.00}|{l.LastCountedUnits:0.00}|{l.LastCountedAt?.UtcDateTime:O}")));
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(lines)));
    }
}
