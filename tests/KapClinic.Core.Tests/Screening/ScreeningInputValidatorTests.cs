using KapClinic.Core.Screening;

namespace KapClinic.Core.Tests.Screening;

public sealed class ScreeningInputValidatorTests
{
    private readonly ScreeningInputValidator validator = new();

    [Fact]
    public void Every_item_answered_no_is_valid() =>
        Assert.True(validator.Validate(AllAnswered(ScreeningAnswer.No)).IsValid);

    [Fact]
    public void A_blank_form_asks_for_every_answer_beside_its_item()
    {
        var result = validator.Validate(ScreeningInput.Blank());

        Assert.Equal(ScreeningItems.All.Count, result.Errors.Count);
        var first = result.Errors.First(e => e.PropertyName == "Answers[0].Answer");
        Assert.Equal($"Answer \"{ScreeningItems.All[0].Label}\": yes, no or unknown.", first.ErrorMessage);
    }

    [Fact]
    public void A_yes_without_a_note_asks_for_one_and_says_why()
    {
        var input = AllAnswered(ScreeningAnswer.No);
        input.Answers[2].Answer = ScreeningAnswer.Yes;
        input.Answers[2].Note = "   ";

        var error = Assert.Single(validator.Validate(input).Errors);

        Assert.Equal("Answers[2].Note", error.PropertyName);
        Assert.Contains("is answered yes: add a note", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_and_no_need_no_note()
    {
        var input = AllAnswered(ScreeningAnswer.Unknown);
        input.Answers[0].Answer = ScreeningAnswer.No;

        Assert.True(validator.Validate(input).IsValid);
    }

    [Fact]
    public void A_note_longer_than_the_limit_is_refused()
    {
        var input = AllAnswered(ScreeningAnswer.No);
        input.Answers[1].Note = new string('x', ScreeningResponse.NoteMaxLength + 1);

        var error = Assert.Single(validator.Validate(input).Errors);

        Assert.Equal("Answers[1].Note", error.PropertyName);
        Assert.Contains($"at most {ScreeningResponse.NoteMaxLength} characters", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_or_repeated_item_is_refused()
    {
        var missing = AllAnswered(ScreeningAnswer.No);
        missing.Answers.RemoveAt(0);
        var repeated = AllAnswered(ScreeningAnswer.No);
        repeated.Answers[0].Item = repeated.Answers[1].Item;

        Assert.Contains(validator.Validate(missing).Errors, e => e.PropertyName == "Answers");
        Assert.Contains(validator.Validate(repeated).Errors, e => e.PropertyName == "Answers");
    }

    [Fact]
    public void An_answer_outside_yes_no_unknown_is_refused()
    {
        var input = AllAnswered(ScreeningAnswer.No);
        input.Answers[0].Answer = (ScreeningAnswer)42;

        Assert.Contains(validator.Validate(input).Errors, e => e.PropertyName == "Answers[0].Answer");
    }

    [Fact]
    public void Valid_input_becomes_responses_in_the_order_of_the_items_with_trimmed_notes()
    {
        var input = AllAnswered(ScreeningAnswer.No);
        input.Answers.Reverse();
        input.Answers[0].Note = "  checked with GP  ";

        var responses = input.ToResponses();

        Assert.Equal(ScreeningItems.All.Select(d => d.Item), responses.Select(r => r.Item));
        Assert.Equal("checked with GP", responses[^1].Note);
    }

    private static ScreeningInput AllAnswered(ScreeningAnswer answer)
    {
        var input = ScreeningInput.Blank();
        foreach (var a in input.Answers)
        {
            a.Answer = answer;
        }

        return input;
    }
}
