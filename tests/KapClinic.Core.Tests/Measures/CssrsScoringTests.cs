using KapClinic.Core.Measures;

namespace KapClinic.Core.Tests.Measures;

public sealed class CssrsScoringTests
{
    // Answer order: 1 wish dead, 2 thoughts, 3 method, 4 intent, 5 plan and intent, 6 behaviour ever, 6b within 3 months.

    [Fact]
    public void Cssrs_with_every_answer_no_is_low_risk()
    {
        var score = MeasureScoring.Score(Instrument.CssrsScreener, [0, 0, 0, 0, 0, 0, 0]);

        Assert.Equal(0m, score.Total);
        Assert.Equal("Low risk", score.Band);
        Assert.Equal(Severity.Minimal, score.Severity);
        Assert.Empty(score.Alerts);
    }

    [Fact]
    public void Cssrs_wish_to_be_dead_alone_is_low_risk()
    {
        var score = MeasureScoring.Score(Instrument.CssrsScreener, [1, 0, 0, 0, 0, 0, 0]);

        Assert.Equal(1m, score.Total);
        Assert.Equal("Low risk", score.Band);
        Assert.Empty(score.Alerts);
    }

    [Fact]
    public void Cssrs_non_specific_suicidal_thoughts_are_moderate_risk()
    {
        var score = MeasureScoring.Score(Instrument.CssrsScreener, [1, 1, 0, 0, 0, 0, 0]);

        Assert.Equal("Moderate risk", score.Band);
        Assert.Equal(Severity.Moderate, score.Severity);
        Assert.Equal([MeasureAlert.CssrsModerateRisk], score.Alerts);
    }

    [Fact]
    public void Cssrs_suicidal_behaviour_more_than_3_months_ago_is_moderate_risk()
    {
        var score = MeasureScoring.Score(Instrument.CssrsScreener, [0, 0, 0, 0, 0, 1, 0]);

        Assert.Equal("Moderate risk", score.Band);
        Assert.Equal([MeasureAlert.CssrsModerateRisk], score.Alerts);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Cssrs_ideation_with_a_method_or_intent_is_high_risk(int index)
    {
        var answers = new[] { 1, 1, 0, 0, 0, 0, 0 };
        answers[index] = 1;

        var score = MeasureScoring.Score(Instrument.CssrsScreener, answers);

        Assert.Equal("High risk", score.Band);
        Assert.Equal(Severity.Severe, score.Severity);
        Assert.Equal([MeasureAlert.CssrsHighRisk], score.Alerts);
    }

    [Fact]
    public void Cssrs_ideation_with_a_method_is_high_risk_even_when_question_2_was_answered_no()
    {
        var score = MeasureScoring.Score(Instrument.CssrsScreener, [0, 0, 1, 0, 0, 0, 0]);

        Assert.Equal("High risk", score.Band);
    }

    [Fact]
    public void Cssrs_suicidal_behaviour_within_3_months_is_high_risk()
    {
        var score = MeasureScoring.Score(Instrument.CssrsScreener, [0, 0, 0, 0, 0, 1, 1]);

        Assert.Equal("High risk", score.Band);
        Assert.Equal([MeasureAlert.CssrsHighRisk], score.Alerts);
    }

    [Fact]
    public void Cssrs_total_counts_yes_answers_to_questions_1_to_6_but_not_6b()
    {
        var score = MeasureScoring.Score(Instrument.CssrsScreener, [1, 1, 1, 1, 1, 1, 1]);

        Assert.Equal(6m, score.Total);
        Assert.Equal([MeasureAlert.CssrsHighRisk], score.Alerts);
    }

    [Fact]
    public void Cssrs_6b_yes_without_behaviour_in_6_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => MeasureScoring.Score(Instrument.CssrsScreener, [0, 0, 0, 0, 0, 0, 1]));

        Assert.Contains("6b", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cssrs_answers_other_than_yes_or_no_are_refused() =>
        Assert.Throws<ArgumentException>(() => MeasureScoring.Score(Instrument.CssrsScreener, [0, 2, 0, 0, 0, 0, 0]));
}
