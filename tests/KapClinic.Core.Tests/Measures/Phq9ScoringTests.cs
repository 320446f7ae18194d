using KapClinic.Core.Measures;

namespace KapClinic.Core.Tests.Measures;

public sealed class Phq9ScoringTests
{
    [Fact]
    public void Phq9_total_of_10_is_moderate()
    {
        var score = MeasureScoring.Score(Instrument.Phq9, [2, 2, 1, 2, 1, 1, 1, 0, 0]);

        Assert.Equal(10m, score.Total);
        Assert.Equal("Moderate", score.Band);
        Assert.Equal(Severity.Moderate, score.Severity);
        Assert.Empty(score.Alerts);
    }

    [Theory]
    [InlineData(0, "Minimal", Severity.Minimal)]
    [InlineData(4, "Minimal", Severity.Minimal)]
    [InlineData(5, "Mild", Severity.Mild)]
    [InlineData(9, "Mild", Severity.Mild)]
    [InlineData(10, "Moderate", Severity.Moderate)]
    [InlineData(14, "Moderate", Severity.Moderate)]
    [InlineData(15, "Moderately severe", Severity.ModeratelySevere)]
    [InlineData(19, "Moderately severe", Severity.ModeratelySevere)]
    [InlineData(20, "Severe", Severity.Severe)]
    [InlineData(27, "Severe", Severity.Severe)]
    public void Phq9_band_edges_follow_the_clinical_table(int total, string band, Severity severity)
    {
        var score = MeasureScoring.Score(Instrument.Phq9, AnswerSets.Summing(9, 3, total));

        Assert.Equal(total, score.Total);
        Assert.Equal(band, score.Band);
        Assert.Equal(severity, score.Severity);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Phq9_item_9_above_zero_raises_a_suicide_risk_alert_even_when_the_total_is_minimal(int item9)
    {
        var score = MeasureScoring.Score(Instrument.Phq9, [0, 0, 0, 0, 0, 0, 0, 0, item9]);

        Assert.Equal("Minimal", score.Band);
        Assert.Equal([MeasureAlert.SuicideRisk], score.Alerts);
    }

    [Fact]
    public void Phq9_item_9_at_zero_raises_no_alert_even_when_the_total_is_severe()
    {
        var score = MeasureScoring.Score(Instrument.Phq9, [3, 3, 3, 3, 3, 3, 3, 3, 0]);

        Assert.Equal(24m, score.Total);
        Assert.Equal("Severe", score.Band);
        Assert.Empty(score.Alerts);
    }
}
