namespace KapClinic.Core.Inventory;

/// <summary>The entry a correction form corrects, with its lot.</summary>
public sealed record CorrectionTarget(LotHeader Lot, LedgerRow Entry);
