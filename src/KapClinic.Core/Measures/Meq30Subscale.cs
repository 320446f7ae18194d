namespace KapClinic.Core.Measures;

/// <summary>
/// One MEQ-30 factor and the one-based item numbers that load on it, per the stand-alone MEQ-30 of
/// Barrett, Johnson and Griffiths (2015). Reports compare subscales as a percentage of their maximum
/// because they have 15, 6, 6 and 3 items.
/// </summary>
public sealed record Meq30Subscale(string Name, IReadOnlyList<int> Items)
{
    /// <summary>Share of the maximum every subscale must reach for a "complete mystical experience".</summary>
    public const int CompleteExperiencePercent = 60;

    public static Meq30Subscale Mystical { get; } =
        new("Mystical", [4, 5, 6, 9, 14, 15, 16, 18, 20, 21, 23, 24, 25, 26, 28]);

    public static Meq30Subscale PositiveMood { get; } =
        new("Positive mood", [2, 8, 12, 17, 27, 30]);

    public static Meq30Subscale TranscendenceOfTimeAndSpace { get; } =
        new("Transcendence of time and space", [1, 7, 11, 13, 19, 22]);

    public static Meq30Subscale Ineffability { get; } =
        new("Ineffability", [3, 10, 29]);

    /// <summary>The four subscales in the order the literature reports them; together they cover items 1-30 once each.</summary>
    public static IReadOnlyList<Meq30Subscale> All { get; } = [Mystical, PositiveMood, TranscendenceOfTimeAndSpace, Ineffability];

    public int Maximum => Items.Count * Meq30Definition.ItemMax;
}
