using System.Globalization;

namespace KapClinic.Core.Inventory.Records;

/// <summary>Who signed an inventory report and when (UTC), with the statement they signed.</summary>
public sealed record InventorySignature(Guid SignerId, string SignerName, DateTimeOffset SignedAtUtc)
{
    public const string Statement = "I certify this inventory is complete and accurate.";

    /// <summary>The signature block, line by line, as exports print it.</summary>
    public IReadOnlyList<string> Lines(DateOnly day, string timeZoneId) =>
    [
        $"Inventory taken as of the close of business on {RecordsFormat.Date(day)} ({timeZoneId}), from the controlled-substance ledger.",
        Statement,
        $"Signed: {SignerName}",
        $"Signed at (UTC): {SignedAtUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}",
    ];
}
