namespace KapClinic.Core.Inventory;

/// <summary>A recorded blind count, read back for the page that shows its result (only after it was recorded).</summary>
public sealed record CountOutcome(LotHeader Lot, Guid EntryId, DateTimeOffset RecordedAt, string CountedBy, decimal ExpectedUnits, decimal CountedUnits, Guid? DiscrepancyId)
{
    public decimal Variance => CountedUnits - ExpectedUnits;
}
