using KapClinic.Core.Measures;

namespace KapClinic.Core.Tests.Measures;

public sealed class EdiScoringTests
{
    [Fact]
    public void Edi_total_is_the_mean_of_its_eight_items()
    {
        var score = MeasureScoring.Score(Instrument.Edi, [10, 20, 30, 40, 50, 60, 70, 80]);

        Assert.Equal(45m, score.Total);
        Assert.Null(score.Band);
        Assert.Empty(score.Alerts);
    }

    [Fact]
    public void Edi_mean_keeps_its_fraction()
    {
        var score = MeasureScoring.Score(Instrument.Edi, [0, 0, 0, 0, 0, 0, 0, 1]);

        Assert.Equal(0.125m, score.Total);
    }

    [Fact]
    public void Edi_ranges_from_0_to_100()
    {
        Assert.Equal(0m, MeasureScoring.Score(Instrument.Edi, AnswerSets.Filled(8, 0)).Total);
        Assert.Equal(100m, MeasureScoring.Score(Instrument.Edi, AnswerSets.Filled(8, 100)).Total);
    }
}
