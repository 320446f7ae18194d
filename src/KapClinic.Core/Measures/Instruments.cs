namespace KapClinic.Core.Measures;

/// <summary>The catalogue of rating scales: one definition per <see cref="Instrument"/>.</summary>
public static class Instruments
{
    /// <summary>Every instrument, in <see cref="Instrument"/> declaration order, for pick lists.</summary>
    public static IReadOnlyList<InstrumentDefinition> All { get; } =
        [.. Enum.GetValues<Instrument>().Select(Get)];

    public static InstrumentDefinition Get(Instrument instrument) => instrument switch
    {
        Instrument.Phq9 => Phq9Definition.Definition,
        Instrument.Gad7 => Gad7Definition.Definition,
        Instrument.Pcl5 => Pcl5Definition.Definition,
        Instrument.QidsSr16 => QidsSr16Definition.Definition,
        Instrument.Madrs => MadrsDefinition.Definition,
        Instrument.CssrsScreener => CssrsDefinition.Definition,
        Instrument.Cadss6 => Cadss6Definition.Definition,
        Instrument.Meq30 => Meq30Definition.Definition,
        Instrument.Edi => EdiDefinition.Definition,
        _ => throw new ArgumentOutOfRangeException(nameof(instrument), instrument, "Unknown rating scale."),
    };

    /// <summary>Neutral labels for scales whose item wording the clinic may not reproduce.</summary>
    internal static IReadOnlyList<string> NumberedItems(int count) =>
        [.. Enumerable.Range(1, count).Select(i => $"Item {i}")];
}
