namespace KapClinic.Core.Measures;

/// <summary>Ego Dissolution Inventory (Nour et al. 2016): 8 items rated 0-100, reported as their mean; no bands.</summary>
internal static class EdiDefinition
{
    public static InstrumentDefinition Definition { get; } = new()
    {
        Instrument = Instrument.Edi,
        Name = "EDI (ego dissolution)",
        ShortName = "EDI",
        ItemLabels = Instruments.NumberedItems(8),
        ItemMin = 0,
        ItemMax = 100,
        TotalMin = 0,
        TotalMax = 100,
    };
}
