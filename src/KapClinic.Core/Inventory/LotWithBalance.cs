namespace KapClinic.Core.Inventory;

/// <summary>A lot with its balance and version, for the movement forms and the close-lot confirmation (never for the blind count).</summary>
public sealed record LotWithBalance(LotHeader Lot, decimal Balance, uint Version);
