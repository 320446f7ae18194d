using KapClinic.Core.Measures;

namespace KapClinic.Core.Tests.Measures;

public sealed class Cadss6ScoringTests
{
    [Fact]
    public void Cadss6_total_is_the_item_sum_without_a_band()
    {
        var score = MeasureScoring.Score(Instrument.Cadss6, [0, 1, 2, 3, 4, 2]);

        Assert.Equal(12m, score.Total);
        Assert.Null(score.Band);
        Assert.Null(score.Severity);
        Assert.Empty(score.Alerts);
    }

    [Fact]
    public void Cadss6_ranges_from_0_to_24()
    {
        Assert.Equal(0m, MeasureScoring.Score(Instrument.Cadss6, AnswerSets.Filled(6, 0)).Total);
        Assert.Equal(24m, MeasureScoring.Score(Instrument.Cadss6, AnswerSets.Filled(6, 4)).Total);
    }
}
