using KapClinic.Core.Measures;

namespace KapClinic.Core.Tests.Measures;

public sealed class ScoringGuardTests
{
    public static TheoryData<Instrument> AllInstruments() => [.. Enum.GetValues<Instrument>()];

    [Theory]
    [MemberData(nameof(AllInstruments))]
    public void One_answer_too_few_is_refused(Instrument instrument)
    {
        var definition = Instruments.Get(instrument);

        Assert.Throws<ArgumentException>(() => MeasureScoring.Score(instrument, AnswerSets.Filled(definition.ItemCount - 1, 0)));
    }

    [Theory]
    [MemberData(nameof(AllInstruments))]
    public void One_answer_too_many_is_refused(Instrument instrument)
    {
        var definition = Instruments.Get(instrument);

        Assert.Throws<ArgumentException>(() => MeasureScoring.Score(instrument, AnswerSets.Filled(definition.ItemCount + 1, 0)));
    }

    [Theory]
    [MemberData(nameof(AllInstruments))]
    public void An_answer_above_the_item_maximum_is_refused(Instrument instrument)
    {
        var definition = Instruments.Get(instrument);
        var answers = AnswerSets.Filled(definition.ItemCount, 0);
        answers[0] = definition.ItemMax + 1;

        var error = Assert.Throws<ArgumentException>(() => MeasureScoring.Score(instrument, answers));
        Assert.Contains($"item 1: {definition.ItemMax + 1} is outside", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllInstruments))]
    public void A_negative_answer_is_refused(Instrument instrument)
    {
        var definition = Instruments.Get(instrument);
        var answers = AnswerSets.Filled(definition.ItemCount, 0);
        answers[^1] = -1;

        Assert.Throws<ArgumentException>(() => MeasureScoring.Score(instrument, answers));
    }

    [Theory]
    [MemberData(nameof(AllInstruments))]
    public void The_lowest_and_highest_answers_score_within_the_charted_range(Instrument instrument)
    {
        var definition = Instruments.Get(instrument);

        var lowest = MeasureScoring.Score(instrument, AnswerSets.Filled(definition.ItemCount, definition.ItemMin));
        var highest = MeasureScoring.Score(instrument, AnswerSets.Filled(definition.ItemCount, definition.ItemMax));

        Assert.Equal(definition.TotalMin, lowest.Total);
        Assert.Equal(definition.TotalMax, highest.Total);
        Assert.Equal(instrument, highest.Instrument);
        Assert.Equal(highest.Band is null, highest.Severity is null);
    }

    [Fact]
    public void Missing_answers_are_refused() =>
        Assert.Throws<ArgumentNullException>(() => MeasureScoring.Score(Instrument.Phq9, null!));

    [Fact]
    public void An_unknown_instrument_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MeasureScoring.Score((Instrument)99, [0]));
}
