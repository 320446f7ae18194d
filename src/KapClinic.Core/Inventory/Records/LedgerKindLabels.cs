namespace KapClinic.Core.Inventory.Records;

/// <summary>How a ledger entry's kind reads in the records.</summary>
public static class LedgerKindLabels
{
    public static string Of(LedgerEntryKind kind) => kind switch
    {
        LedgerEntryKind.ReturnedOrDestroyed => "Returned / destroyed",
        _ => kind.ToString(),
    };
}
