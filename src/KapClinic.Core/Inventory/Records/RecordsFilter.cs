namespace KapClinic.Core.Inventory.Records;

/// <summary>The records' filters as typed (GET query: a product id and dates, no PHI).</summary>
public sealed class RecordsFilter
{
    public Guid? Product { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public RecordsPeriod Period => new(From ?? To ?? DateOnly.MinValue, To ?? From ?? DateOnly.MinValue);
}
