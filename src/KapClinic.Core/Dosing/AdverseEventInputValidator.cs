using FluentValidation;

namespace KapClinic.Core.Dosing;

public sealed class AdverseEventInputValidator : AbstractValidator<AdverseEventInput>
{
    public AdverseEventInputValidator()
    {
        RuleFor(x => x.Type).NotNull().WithMessage("Choose the type of event.").IsInEnum().WithMessage("Choose the type of event.");
        RuleFor(x => x.OtherType).NotEmpty().When(x => x.Type == AdverseEventType.Other).WithMessage("Describe the event when its type is Other.");
        RuleFor(x => x.OtherType).MaximumLength(DosingSession.ShortTextMaxLength)
            .WithMessage($"The description can be at most {DosingSession.ShortTextMaxLength} characters.");
        RuleFor(x => x.Severity).NotNull().WithMessage("Choose the severity.").IsInEnum().WithMessage("Choose the severity.");
        RuleFor(x => x.OnsetAt).NotNull().WithMessage("Enter when the event began.");
        RuleFor(x => x.ActionTaken).NotEmpty().WithMessage("Enter the action taken (or 'observation only').")
            .MaximumLength(AdverseEvent.TextMaxLength).WithMessage($"The action taken can be at most {AdverseEvent.TextMaxLength} characters.");
        RuleFor(x => x.ResolvedAt).GreaterThanOrEqualTo(x => x.OnsetAt).When(x => x.ResolvedAt is not null && x.OnsetAt is not null)
            .WithMessage("An event cannot resolve before its onset.");
    }
}
