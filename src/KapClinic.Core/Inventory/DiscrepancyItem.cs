namespace KapClinic.Core.Inventory;

/// <summary>A count that did not match the ledger, for the dashboard and the discrepancy list.</summary>
public sealed record DiscrepancyItem(
    Guid Id, Guid LotId, string LotNumber, string ProductName, DosageForm Form, decimal ExpectedUnits, decimal CountedUnits, DateTimeOffset OpenedAt,
    string CountedBy, DateTimeOffset? ResolvedAt, string? ResolvedBy, string? ResolutionNote, uint Version)
{
    public string UnitName => DrugProduct.UnitNameOf(Form);

    public decimal Variance => CountedUnits - ExpectedUnits;

    /// <summary>Less on the shelf than the ledger says: show the DEA rule (report within one business day, Form 106 within 45 days).</summary>
    public bool IsLoss => Variance < 0;

    public bool IsOpen => ResolvedAt is null;
}
