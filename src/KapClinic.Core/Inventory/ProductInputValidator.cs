using FluentValidation;

namespace KapClinic.Core.Inventory;

public sealed class ProductInputValidator : AbstractValidator<ProductInput>
{
    public ProductInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("Enter the product name.")
            .MaximumLength(DrugProduct.NameMaxLength).WithMessage($"The name can be at most {DrugProduct.NameMaxLength} characters.");
        RuleFor(x => x.Ndc).NotEmpty().WithMessage("Enter the NDC.")
            .Matches(@"^(\d{4}-\d{4}-\d{2}|\d{5}-\d{3}-\d{2}|\d{5}-\d{4}-\d{1}|\d{5}-\d{4}-\d{2})$")
            .WithMessage("Enter the NDC as printed, with dashes: 4-4-2, 5-3-2 or 5-4-1 digits (or the 11-digit 5-4-2 form).");
        RuleFor(x => x.Drug).NotNull().WithMessage("Choose the drug.").IsInEnum().WithMessage("Choose the drug.");
        RuleFor(x => x.Form).NotNull().WithMessage("Choose the form.").IsInEnum().WithMessage("Choose the form.");
        RuleFor(x => x.Strength).NotEmpty().WithMessage("Enter the strength as labelled, e.g. 500 mg/10 mL.")
            .MaximumLength(DrugProduct.StrengthMaxLength).WithMessage($"At most {DrugProduct.StrengthMaxLength} characters.");
        RuleFor(x => x.MgPerUnit).NotNull().WithMessage("Enter the mg per unit (per mL for a vial).")
            .GreaterThan(0).WithMessage("The mg per unit must be more than 0.").LessThanOrEqualTo(10_000).WithMessage("The mg per unit must be at most 10,000.");
        RuleFor(x => x.UnitsPerContainer).NotNull().WithMessage("Enter the units per container (mL per vial; 1 for a lozenge or device).")
            .GreaterThan(0).WithMessage("The units per container must be more than 0.").LessThanOrEqualTo(1_000).WithMessage("At most 1,000 units per container.");
        RuleFor(x => x.ReorderLevelUnits).GreaterThanOrEqualTo(0).When(x => x.ReorderLevelUnits is not null).WithMessage("The reorder level cannot be negative.");
    }
}
