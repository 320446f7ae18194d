using KapClinic.Core.Measures;

namespace KapClinic.Core.Tests.Measures;

public sealed class MadrsScoringTests
{
    [Fact]
    public void Madrs_total_of_28_is_moderate()
    {
        var score = MeasureScoring.Score(Instrument.Madrs, [4, 4, 3, 4, 2, 3, 3, 3, 2, 0]);

        Assert.Equal(28m, score.Total);
        Assert.Equal("Moderate", score.Band);
        Assert.Empty(score.Alerts);
    }

    [Theory]
    [InlineData(0, "Normal", Severity.None)]
    [InlineData(6, "Normal", Severity.None)]
    [InlineData(7, "Mild", Severity.Mild)]
    [InlineData(19, "Mild", Severity.Mild)]
    [InlineData(20, "Moderate", Severity.Moderate)]
    [InlineData(34, "Moderate", Severity.Moderate)]
    [InlineData(35, "Severe", Severity.Severe)]
    [InlineData(60, "Severe", Severity.Severe)]
    public void Madrs_band_edges_follow_the_clinical_table(int total, string band, Severity severity)
    {
        var score = MeasureScoring.Score(Instrument.Madrs, AnswerSets.Summing(10, 6, total));

        Assert.Equal(total, score.Total);
        Assert.Equal(band, score.Band);
        Assert.Equal(severity, score.Severity);
    }
}
