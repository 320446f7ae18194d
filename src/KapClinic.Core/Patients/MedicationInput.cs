using FluentValidation;

namespace KapClinic.Core.Patients;

public sealed class MedicationInput
{
    public string? Name { get; set; }

    public string? Dose { get; set; }

    public MedicationClass? Class { get; set; }
}

public sealed class MedicationInputValidator : AbstractValidator<MedicationInput>
{
    public MedicationInputValidator()
    {
        RuleFor(x => x.Name)
            .NotEmpty().WithMessage("Enter the medication's name, e.g. sertraline.")
            .MaximumLength(Medication.NameMaxLength).WithMessage($"Use at most {Medication.NameMaxLength} characters.");
        RuleFor(x => x.Dose)
            .MaximumLength(Medication.DoseMaxLength).WithMessage($"Use at most {Medication.DoseMaxLength} characters.");
        RuleFor(x => x.Class)
            .NotNull().WithMessage("Choose the medication's class; choose Other when none of the listed classes applies.")
            .IsInEnum().WithMessage("Choose a class from the list.");
    }
}
