using FluentValidation;

namespace KapClinic.Core.Dosing;

public sealed class StartDosingInputValidator : AbstractValidator<StartDosingInput>
{
    public StartDosingInputValidator()
    {
        RuleFor(x => x.PrescriberId).NotNull().WithMessage("Choose the prescriber on site.");
        RuleFor(x => x.StartedAt).NotNull().WithMessage("Enter when the session started.");
    }
}
