namespace KapClinic.Core.Inventory;

/// <summary>Stock per product and per open lot, and what needs attention on <see cref="Today"/> (the clinic's date).</summary>
public sealed record InventoryDashboard(
    DateOnly Today, IReadOnlyList<ProductStock> Products, IReadOnlyList<LotStock> Lots, IReadOnlyList<DiscrepancyItem> OpenDiscrepancies)
{
    public IReadOnlyList<LotStock> ExpiringSoon => [.. Lots.Where(l => l.StatusOn(Today) == LotStatus.ExpiringSoon).OrderBy(l => l.ExpiresOn)];

    public IReadOnlyList<LotStock> ExpiredWithStock => [.. Lots.Where(l => l.StatusOn(Today) == LotStatus.Expired).OrderBy(l => l.ExpiresOn)];

    public IReadOnlyList<ProductStock> LowStock => [.. Products.Where(p => p.IsLow)];

    public bool IsEmpty => Lots.Count == 0;

    public IEnumerable<LotStock> LotsOf(Guid productId) => Lots.Where(l => l.ProductId == productId);
}
