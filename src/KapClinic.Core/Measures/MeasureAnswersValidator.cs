using FluentValidation;

namespace KapClinic.Core.Measures;

/// <summary>
/// Checks a posted measure item by item, so the form can mark each missing or out-of-range answer next to
/// its own question (PropertyName <c>Answers[i]</c>) instead of refusing the whole form at once.
/// </summary>
public sealed class MeasureAnswersValidator : AbstractValidator<MeasureAnswersInput>
{
    public MeasureAnswersValidator()
    {
        RuleFor(x => x.Instrument)
            .IsInEnum().WithMessage("Choose a rating scale from the list.");

        RuleFor(x => x.Answers)
            .Custom((answers, context) => CheckItems(context.InstanceToValidate.Instrument, answers ?? [], context))
            .When(x => Enum.IsDefined(x.Instrument));
    }

    private static void CheckItems(Instrument instrument, List<int?> answers, ValidationContext<MeasureAnswersInput> context)
    {
        var definition = Instruments.Get(instrument);

        for (var i = 0; i < definition.ItemCount; i++)
        {
            var answer = i < answers.Count ? answers[i] : null;
            if (answer is not { } value || !definition.IsAllowedAnswer(value))
            {
                context.AddFailure($"Answers[{i}]", $"Item {definition.ItemNumber(i)}: {definition.AllowedAnswerText}");
            }
        }

        if (answers.Count > definition.ItemCount)
        {
            context.AddFailure(
                nameof(MeasureAnswersInput.Answers),
                $"{definition.ShortName} has {definition.ItemCount} items, but {answers.Count} answers were sent.");
        }

        if (instrument == Instrument.CssrsScreener
            && answers.Count > CssrsDefinition.BehaviourWithinThreeMonths
            && answers[CssrsDefinition.BehaviourEver] == 0
            && answers[CssrsDefinition.BehaviourWithinThreeMonths] == 1)
        {
            context.AddFailure(
                $"Answers[{CssrsDefinition.BehaviourWithinThreeMonths}]",
                "Item 6b: answer no unless item 6 (suicidal behaviour ever) is yes.");
        }
    }
}
