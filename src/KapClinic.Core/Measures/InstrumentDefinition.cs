using System.Globalization;

namespace KapClinic.Core.Measures;

/// <summary>
/// What the app needs to know to render, validate, score and chart one rating scale. Item labels are
/// the published wording only for the public-domain scales (PHQ-9, GAD-7, PCL-5); the others carry
/// neutral labels, because their wording is copyrighted and the clinic stores answers, not questions.
/// </summary>
public sealed record InstrumentDefinition
{
    public required Instrument Instrument { get; init; }

    /// <summary>Name for headings, e.g. "PHQ-9 (depression)".</summary>
    public required string Name { get; init; }

    /// <summary>Name for tables and chart legends, e.g. "PHQ-9".</summary>
    public required string ShortName { get; init; }

    public required IReadOnlyList<string> ItemLabels { get; init; }

    public int ItemCount => ItemLabels.Count;

    public required int ItemMin { get; init; }

    public required int ItemMax { get; init; }

    /// <summary>Answers are 0 = no, 1 = yes (C-SSRS), so a form shows two choices rather than a scale.</summary>
    public bool IsYesNo { get; init; }

    /// <summary>Lowest possible total, for a chart's axis.</summary>
    public required int TotalMin { get; init; }

    /// <summary>Highest possible total, for a chart's axis.</summary>
    public required int TotalMax { get; init; }

    /// <summary>
    /// Bands over the total, lowest first, covering TotalMin..TotalMax without gaps. Empty when the
    /// instrument has none, and for C-SSRS, whose risk level follows the answer pattern, not the total.
    /// </summary>
    public IReadOnlyList<SeverityBand> Bands { get; init; } = [];

    /// <summary>Item numbers as printed on the form, when they are not simply 1..n (C-SSRS has "6b").</summary>
    public IReadOnlyList<string>? ItemNumbers { get; init; }

    /// <summary>The printed number of the item at a zero-based answer index, for messages like "Item 6b: ...".</summary>
    public string ItemNumber(int index) =>
        ItemNumbers is { } numbers ? numbers[index] : (index + 1).ToString(CultureInfo.InvariantCulture);

    public bool IsAllowedAnswer(int answer) => answer >= ItemMin && answer <= ItemMax;

    /// <summary>What a person may enter for any item, phrased to follow "Item 9: ".</summary>
    public string AllowedAnswerText =>
        IsYesNo ? "choose yes or no." : $"choose a value from {ItemMin} to {ItemMax}.";

    public SeverityBand? BandFor(decimal total) => Bands.FirstOrDefault(b => b.Contains(total));
}
