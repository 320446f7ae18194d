using FluentValidation;

namespace KapClinic.Core.Patients;

public sealed class AllergyInput
{
    public string? Substance { get; set; }

    public string? Reaction { get; set; }
}

public sealed class AllergyInputValidator : AbstractValidator<AllergyInput>
{
    public AllergyInputValidator()
    {
        RuleFor(x => x.Substance)
            .NotEmpty().WithMessage("Enter what the patient is allergic to, e.g. penicillin.")
            .MaximumLength(Allergy.TextMaxLength).WithMessage($"Use at most {Allergy.TextMaxLength} characters.");
        RuleFor(x => x.Reaction)
            .MaximumLength(Allergy.TextMaxLength).WithMessage($"Use at most {Allergy.TextMaxLength} characters.");
    }
}
