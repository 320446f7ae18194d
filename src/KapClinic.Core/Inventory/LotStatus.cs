namespace KapClinic.Core.Inventory;

/// <summary>How a lot stands on a given day, for the dashboard and the lot page.</summary>
public enum LotStatus
{
    InStock,

    /// <summary>Expires within <see cref="InventoryQueries.ExpiryWarningDays"/> days and still holds stock.</summary>
    ExpiringSoon,

    /// <summary>Past its expiry and still holding stock: return or destroy it (it cannot be administered).</summary>
    Expired,

    /// <summary>Balance 0 but not closed yet.</summary>
    Empty,

    Closed,
}
