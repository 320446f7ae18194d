namespace KapClinic.Core.Measures;

/// <summary>PHQ-9 (Kroenke, Spitzer and Williams 2001); public domain, so the item wording is shown as published.</summary>
internal static class Phq9Definition
{
    /// <summary>Zero-based index of item 9, "thoughts that you would be better off dead...".</summary>
    public const int SuicidalThoughtsIndex = 8;

    public static InstrumentDefinition Definition { get; } = new()
    {
        Instrument = Instrument.Phq9,
        Name = "PHQ-9 (depression)",
        ShortName = "PHQ-9",
        ItemLabels =
        [
            "Little interest or pleasure in doing things",
            "Feeling down, depressed, or hopeless",
            "Trouble falling or staying asleep, or sleeping too much",
            "Feeling tired or having little energy",
            "Poor appetite or overeating",
            "Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
            "Trouble concentrating on things, such as reading the newspaper or watching television",
            "Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual",
            "Thoughts that you would be better off dead or of hurting yourself in some way",
        ],
        ItemMin = 0,
        ItemMax = 3,
        TotalMin = 0,
        TotalMax = 27,
        Bands =
        [
            new(0, 4, "Minimal", Severity.Minimal),
            new(5, 9, "Mild", Severity.Mild),
            new(10, 14, "Moderate", Severity.Moderate),
            new(15, 19, "Moderately severe", Severity.ModeratelySevere),
            new(20, 27, "Severe", Severity.Severe),
        ],
    };
}
