using KapClinic.Core.Measures;

namespace KapClinic.Core.Tests.Measures;

public sealed class Gad7ScoringTests
{
    [Fact]
    public void Gad7_total_of_12_is_moderate_anxiety()
    {
        var score = MeasureScoring.Score(Instrument.Gad7, [2, 2, 3, 1, 1, 2, 1]);

        Assert.Equal(12m, score.Total);
        Assert.Equal("Moderate", score.Band);
        Assert.Empty(score.Alerts);
    }

    [Theory]
    [InlineData(0, "Minimal", Severity.Minimal)]
    [InlineData(4, "Minimal", Severity.Minimal)]
    [InlineData(5, "Mild", Severity.Mild)]
    [InlineData(9, "Mild", Severity.Mild)]
    [InlineData(10, "Moderate", Severity.Moderate)]
    [InlineData(14, "Moderate", Severity.Moderate)]
    [InlineData(15, "Severe", Severity.Severe)]
    [InlineData(21, "Severe", Severity.Severe)]
    public void Gad7_band_edges_follow_the_clinical_table(int total, string band, Severity severity)
    {
        var score = MeasureScoring.Score(Instrument.Gad7, AnswerSets.Summing(7, 3, total));

        Assert.Equal(total, score.Total);
        Assert.Equal(band, score.Band);
        Assert.Equal(severity, score.Severity);
    }
}
