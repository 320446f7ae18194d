using KapClinic.Core.Measures;

namespace KapClinic.Core.Tests.Measures;

public sealed class Meq30ScoringTests
{
    private static int[] WithSubscales(int mystical, int positiveMood, int transcendence, int ineffability)
    {
        var answers = new int[30];
        foreach (var (subscale, value) in new[]
        {
            (Meq30Subscale.Mystical, mystical),
            (Meq30Subscale.PositiveMood, positiveMood),
            (Meq30Subscale.TranscendenceOfTimeAndSpace, transcendence),
            (Meq30Subscale.Ineffability, ineffability),
        })
        {
            foreach (var item in subscale.Items)
            {
                answers[item - 1] = value;
            }
        }

        return answers;
    }

    [Fact]
    public void Meq30_reports_each_subscale_as_a_percentage_of_its_maximum()
    {
        var score = MeasureScoring.Score(Instrument.Meq30, WithSubscales(mystical: 3, positiveMood: 4, transcendence: 2, ineffability: 5));

        Assert.Equal(96m, score.Total); // 45 + 24 + 12 + 15
        Assert.Null(score.Band);
        Assert.Equal(
            [
                new SubscaleScore("Mystical", 45, 75, 60.0m),
                new SubscaleScore("Positive mood", 24, 30, 80.0m),
                new SubscaleScore("Transcendence of time and space", 12, 30, 40.0m),
                new SubscaleScore("Ineffability", 15, 15, 100.0m),
            ],
            score.Subscales);
        Assert.False(score.IsCompleteMysticalExperience);
    }

    [Fact]
    public void Meq30_percentages_are_rounded_to_one_decimal_place()
    {
        var answers = new int[30];
        answers[2] = 2;  // item 3
        answers[9] = 2;  // item 10
        answers[28] = 3; // item 29

        var ineffability = MeasureScoring.Score(Instrument.Meq30, answers).Subscales.Single(s => s.Name == "Ineffability");

        Assert.Equal(7, ineffability.Score);
        Assert.Equal(46.7m, ineffability.Percent);
    }

    [Theory]
    [InlineData(1, "Transcendence of time and space")]
    [InlineData(2, "Positive mood")]
    [InlineData(3, "Ineffability")]
    [InlineData(4, "Mystical")]
    [InlineData(28, "Mystical")]
    [InlineData(29, "Ineffability")]
    [InlineData(30, "Positive mood")]
    public void Meq30_items_count_toward_their_published_subscale(int item, string subscale)
    {
        var answers = new int[30];
        answers[item - 1] = 5;

        var score = MeasureScoring.Score(Instrument.Meq30, answers);

        Assert.Equal(5, score.Subscales.Single(s => s.Name == subscale).Score);
        Assert.Equal(5, score.Subscales.Sum(s => s.Score));
    }

    [Fact]
    public void Meq30_with_every_subscale_at_exactly_60_percent_is_a_complete_mystical_experience()
    {
        var score = MeasureScoring.Score(Instrument.Meq30, AnswerSets.Filled(30, 3));

        Assert.Equal(90m, score.Total);
        Assert.All(score.Subscales, s => Assert.Equal(60.0m, s.Percent));
        Assert.True(score.IsCompleteMysticalExperience);
    }

    [Fact]
    public void Meq30_with_one_subscale_just_under_60_percent_is_not_complete()
    {
        var answers = AnswerSets.Filled(30, 3);
        answers[3] = 2; // item 4, mystical: 44 of 75 = 58.7 %

        var score = MeasureScoring.Score(Instrument.Meq30, answers);

        Assert.Equal(58.7m, score.Subscales[0].Percent);
        Assert.False(score.IsCompleteMysticalExperience);
    }

    [Fact]
    public void Only_meq30_has_subscales()
    {
        var phq9 = MeasureScoring.Score(Instrument.Phq9, AnswerSets.Filled(9, 3));

        Assert.Empty(phq9.Subscales);
        Assert.False(phq9.IsCompleteMysticalExperience);
    }
}
