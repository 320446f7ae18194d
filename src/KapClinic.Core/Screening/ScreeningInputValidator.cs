using FluentValidation;

namespace KapClinic.Core.Screening;

/// <summary>Every contraindication answered once (yes, no or unknown); a "yes" needs a note saying what and when.</summary>
public sealed class ScreeningInputValidator : AbstractValidator<ScreeningInput>
{
    public ScreeningInputValidator()
    {
        RuleFor(x => x.Answers)
            .Must(answers => answers.Select(a => a.Item).Order().SequenceEqual(ScreeningItems.All.Select(d => d.Item).Order()))
            .WithMessage("The screening must list every contraindication exactly once; reload the page and try again.");
        RuleForEach(x => x.Answers).ChildRules(answer =>
        {
            answer.RuleFor(a => a.Item).IsInEnum().WithMessage("Unknown screening item.");
            answer.RuleFor(a => a.Answer)
                .NotNull().WithMessage(a => $"Answer \"{Label(a.Item)}\": yes, no or unknown.")
                .IsInEnum().WithMessage(a => $"Answer \"{Label(a.Item)}\": yes, no or unknown.");
            answer.RuleFor(a => a.Note)
                .NotEmpty().When(a => a.Answer == ScreeningAnswer.Yes)
                .WithMessage(a => $"\"{Label(a.Item)}\" is answered yes: add a note saying what, when, and whether it is treated.")
                .MaximumLength(ScreeningResponse.NoteMaxLength)
                .WithMessage($"A note can be at most {ScreeningResponse.NoteMaxLength} characters.");
        });
    }

    private static string Label(ScreeningItem item) =>
        Enum.IsDefined(item) ? ScreeningItems.Get(item).Label : item.ToString();
}
