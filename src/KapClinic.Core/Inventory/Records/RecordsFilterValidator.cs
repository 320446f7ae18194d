using FluentValidation;

namespace KapClinic.Core.Inventory.Records;

public sealed class RecordsFilterValidator : AbstractValidator<RecordsFilter>
{
    public const int MaxYears = 5;

    public RecordsFilterValidator()
    {
        RuleFor(x => x.From).NotNull().WithMessage("Enter the first day (yyyy-mm-dd).")
            .GreaterThanOrEqualTo(new DateOnly(2000, 1, 1)).WithMessage("The first day must be in 2000 or later.");
        RuleFor(x => x.To).NotNull().WithMessage("Enter the last day (yyyy-mm-dd).")
            .LessThanOrEqualTo(new DateOnly(2100, 12, 31)).WithMessage("The last day must be before 2101.");
        RuleFor(x => x.To)
            .Must((f, to) => f.From is null || to is null || to >= f.From).WithMessage("The last day must be on or after the first day.")
            .Must((f, to) => f.From is null || to is null || to <= f.From.Value.AddYears(MaxYears)).WithMessage($"Choose at most {MaxYears} years at a time.");
    }
}
