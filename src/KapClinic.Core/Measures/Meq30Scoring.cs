namespace KapClinic.Core.Measures;

/// <summary>
/// MEQ-30: total = item sum (0-150; a sum rather than the 0-5 mean so it is a whole number like the other
/// scales' totals), plus each subscale as a percentage of its maximum and the "complete mystical
/// experience" rule (every subscale at or above 60 %).
/// </summary>
internal static class Meq30Scoring
{
    public static MeasureScore Score(IReadOnlyList<int> answers)
    {
        var subscales = Meq30Subscale.All.Select(s => Subscale(s, answers)).ToList();
        return new MeasureScore
        {
            Instrument = Instrument.Meq30,
            Total = answers.Sum(),
            Subscales = subscales,
            // Compared on whole numbers, not the rounded percentage, so 59.96 % can never pass as 60 %.
            IsCompleteMysticalExperience = subscales.TrueForAll(
                s => s.Score * 100 >= s.Maximum * Meq30Subscale.CompleteExperiencePercent),
        };
    }

    private static SubscaleScore Subscale(Meq30Subscale subscale, IReadOnlyList<int> answers)
    {
        var score = subscale.Items.Sum(item => answers[item - 1]);
        var percent = Math.Round(score * 100m / subscale.Maximum, 1, MidpointRounding.AwayFromZero);
        return new SubscaleScore(subscale.Name, score, subscale.Maximum, percent);
    }
}
