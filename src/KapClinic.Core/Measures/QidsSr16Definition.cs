namespace KapClinic.Core.Measures;

/// <summary>
/// QIDS-SR16 (Rush et al. 2003). Its wording is copyrighted, so items are labelled by the symptom they rate.
/// Sixteen items feed nine DSM symptom domains; see <see cref="Domains"/>.
/// </summary>
internal static class QidsSr16Definition
{
    /// <summary>Zero-based index of item 12, thoughts of death or suicide.</summary>
    public const int SuicidalThoughtsIndex = 11;

    /// <summary>
    /// The nine domains as one-based item numbers. A domain scores its highest item, so four sleep items
    /// (or four appetite/weight items, or two psychomotor items) count once, not four times.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<int>> Domains { get; } =
    [
        [1, 2, 3, 4],    // sleep
        [5],             // sad mood
        [6, 7, 8, 9],    // appetite / weight
        [10],            // concentration
        [11],            // view of self
        [12],            // suicidal ideation
        [13],            // interest
        [14],            // energy
        [15, 16],        // psychomotor slowing / agitation
    ];

    public static InstrumentDefinition Definition { get; } = new()
    {
        Instrument = Instrument.QidsSr16,
        Name = "QIDS-SR16 (depression)",
        ShortName = "QIDS-SR16",
        ItemLabels =
        [
            "Sleep: falling asleep",
            "Sleep: during the night",
            "Sleep: waking too early",
            "Sleep: sleeping too much",
            "Sad mood",
            "Appetite: decreased",
            "Appetite: increased",
            "Weight: decreased",
            "Weight: increased",
            "Concentration and decision making",
            "View of self",
            "Thoughts of death or suicide",
            "General interest",
            "Energy",
            "Psychomotor: feeling slowed down",
            "Psychomotor: feeling restless",
        ],
        ItemMin = 0,
        ItemMax = 3,
        TotalMin = 0,
        TotalMax = 27,
        Bands =
        [
            new(0, 5, "None", Severity.None),
            new(6, 10, "Mild", Severity.Mild),
            new(11, 15, "Moderate", Severity.Moderate),
            new(16, 20, "Severe", Severity.Severe),
            new(21, 27, "Very severe", Severity.VerySevere),
        ],
    };
}
