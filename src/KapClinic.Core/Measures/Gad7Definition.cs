namespace KapClinic.Core.Measures;

/// <summary>GAD-7 (Spitzer et al. 2006); public domain, so the item wording is shown as published.</summary>
internal static class Gad7Definition
{
    public static InstrumentDefinition Definition { get; } = new()
    {
        Instrument = Instrument.Gad7,
        Name = "GAD-7 (anxiety)",
        ShortName = "GAD-7",
        ItemLabels =
        [
            "Feeling nervous, anxious or on edge",
            "Not being able to stop or control worrying",
            "Worrying too much about different things",
            "Trouble relaxing",
            "Being so restless that it is hard to sit still",
            "Becoming easily annoyed or irritable",
            "Feeling afraid as if something awful might happen",
        ],
        ItemMin = 0,
        ItemMax = 3,
        TotalMin = 0,
        TotalMax = 21,
        Bands =
        [
            new(0, 4, "Minimal", Severity.Minimal),
            new(5, 9, "Mild", Severity.Mild),
            new(10, 14, "Moderate", Severity.Moderate),
            new(15, 21, "Severe", Severity.Severe),
        ],
    };
}
