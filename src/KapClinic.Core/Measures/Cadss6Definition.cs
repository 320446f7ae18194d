namespace KapClinic.Core.Measures;

/// <summary>CADSS-6 dissociation during dosing: higher means more dissociation; no bands.</summary>
internal static class Cadss6Definition
{
    public static InstrumentDefinition Definition { get; } = new()
    {
        Instrument = Instrument.Cadss6,
        Name = "CADSS-6 (dissociation)",
        ShortName = "CADSS-6",
        ItemLabels = Instruments.NumberedItems(6),
        ItemMin = 0,
        ItemMax = 4,
        TotalMin = 0,
        TotalMax = 24,
    };
}
