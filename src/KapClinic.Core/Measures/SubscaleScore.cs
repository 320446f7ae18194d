namespace KapClinic.Core.Measures;

/// <summary>
/// A subscale's raw sum and its share of the subscale maximum. The percentage is what MEQ-30 results are
/// reported and compared in, because the subscales have different numbers of items.
/// </summary>
/// <param name="Name">The subscale, e.g. "Mystical".</param>
/// <param name="Score">Sum of the subscale's items.</param>
/// <param name="Maximum">Highest possible sum (items x item maximum).</param>
/// <param name="Percent">Score / Maximum x 100, rounded to one decimal place for display.</param>
public sealed record SubscaleScore(string Name, int Score, int Maximum, decimal Percent);
