using KapClinic.Core.Measures;

namespace KapClinic.Core.Tests.Measures;

public sealed class MeasureAnswersValidatorTests
{
    private static readonly MeasureAnswersValidator Validator = new();

    private static MeasureAnswersInput Input(Instrument instrument, params int?[] answers) =>
        new() { Instrument = instrument, Answers = [.. answers] };

    [Fact]
    public void A_fully_answered_phq9_is_valid() =>
        Assert.True(Validator.Validate(Input(Instrument.Phq9, 0, 1, 2, 3, 0, 1, 2, 3, 0)).IsValid);

    [Fact]
    public void A_missing_item_is_reported_against_that_item_with_its_range()
    {
        var result = Validator.Validate(Input(Instrument.Phq9, 0, 1, 2, 3, 0, 1, 2, 3, null));

        var error = Assert.Single(result.Errors);
        Assert.Equal("Answers[8]", error.PropertyName);
        Assert.Equal("Item 9: choose a value from 0 to 3.", error.ErrorMessage);
    }

    [Fact]
    public void Each_out_of_range_item_gets_its_own_error()
    {
        var result = Validator.Validate(Input(Instrument.Gad7, 4, 0, -1, 0, 0, 0, 0));

        Assert.Equal(["Answers[0]", "Answers[2]"], result.Errors.Select(e => e.PropertyName));
        Assert.Equal(["Item 1: choose a value from 0 to 3.", "Item 3: choose a value from 0 to 3."], result.Errors.Select(e => e.ErrorMessage));
    }

    [Fact]
    public void Items_beyond_a_short_list_are_reported_as_missing()
    {
        var result = Validator.Validate(Input(Instrument.Phq9, 0, 0, 0, 0, 0, 0, 0));

        Assert.Equal(["Answers[7]", "Answers[8]"], result.Errors.Select(e => e.PropertyName));
    }

    [Fact]
    public void No_answers_at_all_reports_every_item()
    {
        var input = new MeasureAnswersInput { Instrument = Instrument.Cadss6, Answers = null! };

        var result = Validator.Validate(input);

        Assert.Equal(6, result.Errors.Count);
        Assert.Equal("Item 6: choose a value from 0 to 4.", result.Errors[^1].ErrorMessage);
    }

    [Fact]
    public void Extra_answers_are_reported_once_against_the_list()
    {
        var result = Validator.Validate(Input(Instrument.Gad7, 0, 0, 0, 0, 0, 0, 0, 0));

        var error = Assert.Single(result.Errors);
        Assert.Equal("Answers", error.PropertyName);
        Assert.Equal("GAD-7 has 7 items, but 8 answers were sent.", error.ErrorMessage);
    }

    [Fact]
    public void Edi_messages_give_its_0_to_100_range()
    {
        var result = Validator.Validate(Input(Instrument.Edi, 0, 0, 101, 0, 0, 0, 0, 0));

        Assert.Equal("Item 3: choose a value from 0 to 100.", Assert.Single(result.Errors).ErrorMessage);
    }

    [Fact]
    public void Cssrs_items_ask_for_yes_or_no_and_name_item_6b()
    {
        var result = Validator.Validate(Input(Instrument.CssrsScreener, 0, 2, 0, 0, 0, 1, null));

        Assert.Equal(["Answers[1]", "Answers[6]"], result.Errors.Select(e => e.PropertyName));
        Assert.Equal(["Item 2: choose yes or no.", "Item 6b: choose yes or no."], result.Errors.Select(e => e.ErrorMessage));
    }

    [Fact]
    public void Cssrs_6b_yes_needs_a_yes_to_6()
    {
        var result = Validator.Validate(Input(Instrument.CssrsScreener, 0, 0, 0, 0, 0, 0, 1));

        var error = Assert.Single(result.Errors);
        Assert.Equal("Answers[6]", error.PropertyName);
        Assert.Equal("Item 6b: answer no unless item 6 (suicidal behaviour ever) is yes.", error.ErrorMessage);
    }

    [Fact]
    public void Cssrs_6b_yes_after_a_yes_to_6_is_valid() =>
        Assert.True(Validator.Validate(Input(Instrument.CssrsScreener, 0, 0, 0, 0, 0, 1, 1)).IsValid);

    [Fact]
    public void An_unknown_instrument_is_reported()
    {
        var result = Validator.Validate(Input((Instrument)99, 0));

        var error = Assert.Single(result.Errors);
        Assert.Equal("Instrument", error.PropertyName);
        Assert.Equal("Choose a rating scale from the list.", error.ErrorMessage);
    }

    [Theory]
    [MemberData(nameof(ScoringGuardTests.AllInstruments), MemberType = typeof(ScoringGuardTests))]
    public void Whatever_the_validator_accepts_scores_without_error(Instrument instrument)
    {
        var definition = Instruments.Get(instrument);
        var input = new MeasureAnswersInput
        {
            Instrument = instrument,
            Answers = [.. Enumerable.Repeat<int?>(definition.ItemMax, definition.ItemCount)],
        };

        Assert.True(Validator.Validate(input).IsValid);
        Assert.Equal(definition.TotalMax, MeasureScoring.Score(instrument, [.. input.Answers.Select(a => a!.Value)]).Total);
    }
}
