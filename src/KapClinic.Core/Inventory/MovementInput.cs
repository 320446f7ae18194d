namespace KapClinic.Core.Inventory;

/// <summary>
/// A witnessed movement (waste, return/destruction, adjustment, correction): quantity (an adjustment or correction
/// may be negative), reason, reference (returns), and the witness with their password.
/// </summary>
public sealed class MovementInput
{
    public decimal? Quantity { get; set; }

    public string? Reason { get; set; }

    public string? Reference { get; set; }

    public Guid? WitnessId { get; set; }

    public string? WitnessPassword { get; set; }
}
