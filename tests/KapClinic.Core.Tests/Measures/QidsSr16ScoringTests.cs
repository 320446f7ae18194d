using KapClinic.Core.Measures;

namespace KapClinic.Core.Tests.Measures;

public sealed class QidsSr16ScoringTests
{
    [Fact]
    public void Qids_worked_example_sums_the_nine_domain_scores()
    {
        //                sleep 1-4    mood  appetite/weight 6-9  conc self sui int energy psychomotor
        int[] answers = [1, 3, 2, 0, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 1, 0];

        var score = MeasureScoring.Score(Instrument.QidsSr16, answers);

        // sleep 3 + mood 2 + appetite/weight 2 + concentration 1 + self 2 + suicide 0 + interest 1 + energy 2 + psychomotor 1
        Assert.Equal(14m, score.Total);
        Assert.Equal("Moderate", score.Band);
        Assert.Empty(score.Alerts);
    }

    [Fact]
    public void Qids_counts_four_sleep_problems_once_at_the_highest_item()
    {
        var onlySleep = MeasureScoring.Score(Instrument.QidsSr16, [3, 1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

        Assert.Equal(3m, onlySleep.Total);
    }

    [Fact]
    public void Qids_counts_appetite_and_weight_once_at_the_highest_item()
    {
        var onlyAppetite = MeasureScoring.Score(Instrument.QidsSr16, [0, 0, 0, 0, 0, 1, 0, 2, 1, 0, 0, 0, 0, 0, 0, 0]);

        Assert.Equal(2m, onlyAppetite.Total);
    }

    [Fact]
    public void Qids_counts_slowed_and_restless_once_at_the_highest_item()
    {
        var onlyPsychomotor = MeasureScoring.Score(Instrument.QidsSr16, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3]);

        Assert.Equal(3m, onlyPsychomotor.Total);
    }

    [Fact]
    public void Qids_maximum_is_27_not_the_sum_of_sixteen_items()
    {
        var score = MeasureScoring.Score(Instrument.QidsSr16, AnswerSets.Filled(16, 3));

        Assert.Equal(27m, score.Total);
        Assert.Equal("Very severe", score.Band);
    }

    [Theory]
    [InlineData(0, "None", Severity.None)]
    [InlineData(5, "None", Severity.None)]
    [InlineData(6, "Mild", Severity.Mild)]
    [InlineData(10, "Mild", Severity.Mild)]
    [InlineData(11, "Moderate", Severity.Moderate)]
    [InlineData(15, "Moderate", Severity.Moderate)]
    [InlineData(16, "Severe", Severity.Severe)]
    [InlineData(20, "Severe", Severity.Severe)]
    [InlineData(21, "Very severe", Severity.VerySevere)]
    [InlineData(27, "Very severe", Severity.VerySevere)]
    public void Qids_band_edges_follow_the_clinical_table(int total, string band, Severity severity)
    {
        var score = MeasureScoring.Score(Instrument.QidsSr16, AnswerSets.QidsWithTotal(total));

        Assert.Equal(total, score.Total);
        Assert.Equal(band, score.Band);
        Assert.Equal(severity, score.Severity);
    }

    [Fact]
    public void Qids_item_12_above_zero_raises_a_suicide_risk_alert()
    {
        var answers = new int[16];
        answers[11] = 1;

        var score = MeasureScoring.Score(Instrument.QidsSr16, answers);

        Assert.Equal("None", score.Band);
        Assert.Equal([MeasureAlert.SuicideRisk], score.Alerts);
    }

    [Fact]
    public void Qids_item_12_at_zero_raises_no_alert()
    {
        var answers = AnswerSets.Filled(16, 3);
        answers[11] = 0;

        Assert.Empty(MeasureScoring.Score(Instrument.QidsSr16, answers).Alerts);
    }
}
