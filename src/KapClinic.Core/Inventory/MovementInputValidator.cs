using FluentValidation;

namespace KapClinic.Core.Inventory;

/// <summary>Shape rules shared by every witnessed movement; the kind's own rules (sign, reason, reference) are in <see cref="LedgerEntry"/>.</summary>
public sealed class MovementInputValidator : AbstractValidator<MovementInput>
{
    public MovementInputValidator()
    {
        RuleFor(x => x.Quantity).NotNull().WithMessage("Enter the quantity.")
            .NotEqual(0).WithMessage("The quantity cannot be 0.")
            .InclusiveBetween(-100_000, 100_000).WithMessage("The quantity must be within 100,000 units.")
            .Must(q => q is null || decimal.Round(q.Value, 2) == q).WithMessage("Enter the quantity to at most 2 decimals.");
        RuleFor(x => x.Reason).MaximumLength(LedgerEntry.ReasonMaxLength).WithMessage($"The reason can be at most {LedgerEntry.ReasonMaxLength} characters.");
        RuleFor(x => x.Reference).MaximumLength(LedgerEntry.ReferenceMaxLength).WithMessage($"The reference can be at most {LedgerEntry.ReferenceMaxLength} characters.");
        RuleFor(x => x.WitnessId).NotNull().WithMessage("Choose the witness.");
        RuleFor(x => x.WitnessPassword).NotEmpty().WithMessage("The witness types their own password here.");
    }
}
