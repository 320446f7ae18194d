namespace KapClinic.Core.Measures;

/// <summary>
/// MADRS (Montgomery and Åsberg 1979), clinician-rated. Items carry the symptom each one rates, not the
/// scale's anchor descriptions.
/// </summary>
internal static class MadrsDefinition
{
    public static InstrumentDefinition Definition { get; } = new()
    {
        Instrument = Instrument.Madrs,
        Name = "MADRS (depression, clinician-rated)",
        ShortName = "MADRS",
        ItemLabels =
        [
            "Apparent sadness",
            "Reported sadness",
            "Inner tension",
            "Reduced sleep",
            "Reduced appetite",
            "Concentration difficulties",
            "Lassitude",
            "Inability to feel",
            "Pessimistic thoughts",
            "Suicidal thoughts",
        ],
        ItemMin = 0,
        ItemMax = 6,
        TotalMin = 0,
        TotalMax = 60,
        Bands =
        [
            new(0, 6, "Normal", Severity.None),
            new(7, 19, "Mild", Severity.Mild),
            new(20, 34, "Moderate", Severity.Moderate),
            new(35, 60, "Severe", Severity.Severe),
        ],
    };
}
