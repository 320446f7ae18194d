namespace KapClinic.Core.Inventory;

/// <summary>A recorded blind count: what the ledger expected, what was counted, and the discrepancy it opened (if any).</summary>
public sealed record CountResult(Guid CountEntryId, decimal ExpectedUnits, decimal CountedUnits, Guid? DiscrepancyId)
{
    public decimal Variance => CountedUnits - ExpectedUnits;
}
