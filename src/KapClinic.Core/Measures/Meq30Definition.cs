namespace KapClinic.Core.Measures;

/// <summary>
/// MEQ-30 (Barrett, Johnson and Griffiths 2015): 30 items 0-5. Its wording is copyrighted, so each item is
/// labelled by number and the subscale it belongs to. No bands: results are subscale percentages.
/// </summary>
internal static class Meq30Definition
{
    public const int ItemCount = 30;
    public const int ItemMax = 5;

    public static InstrumentDefinition Definition { get; } = new()
    {
        Instrument = Instrument.Meq30,
        Name = "MEQ-30 (mystical experience)",
        ShortName = "MEQ-30",
        ItemLabels = [.. Enumerable.Range(1, ItemCount).Select(i => $"Item {i} ({SubscaleOf(i)})")],
        ItemMin = 0,
        ItemMax = ItemMax,
        TotalMin = 0,
        TotalMax = ItemCount * ItemMax,
    };

    private static string SubscaleOf(int item) => Meq30Subscale.All.Single(s => s.Items.Contains(item)).Name;
}
