using KapClinic.Core.Measures;

namespace KapClinic.Core.Tests.Measures;

public sealed class Pcl5ScoringTests
{
    [Fact]
    public void Pcl5_total_is_the_item_sum_and_has_no_band()
    {
        var score = MeasureScoring.Score(Instrument.Pcl5, [4, 3, 2, 1, 0, 4, 3, 2, 1, 0, 4, 3, 2, 1, 0, 1, 1, 1, 1, 1]);

        Assert.Equal(35m, score.Total);
        Assert.Null(score.Band);
        Assert.Null(score.Severity);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(32, false)]
    [InlineData(33, true)]
    [InlineData(80, true)]
    public void Pcl5_of_33_or_more_raises_probable_ptsd(int total, bool probable)
    {
        var score = MeasureScoring.Score(Instrument.Pcl5, AnswerSets.Summing(20, 4, total));

        Assert.Equal(total, score.Total);
        Assert.Equal(probable, score.Alerts.Contains(MeasureAlert.ProbablePtsd));
        Assert.Equal(probable ? 1 : 0, score.Alerts.Count);
    }
}
