namespace KapClinic.DataGenerator.Writing;

/// <summary>A stock lot: received before its first dose, used by doses in time order, destroyed (witnessed) when too little is left.</summary>
internal sealed class LotPlan
{
    public required Guid Id { get; init; }
    public required int Product { get; init; }
    public required string Number { get; init; }
    public required DateTime ReceivedAt { get; init; }
    public required decimal Quantity { get; init; }
    public required int ReceivedBy { get; init; }
    public decimal Balance { get; set; }
    public bool Closed { get; set; }
    public DateOnly ExpiresOn => DateOnly.FromDateTime(ReceivedAt).AddYears(2);
}
