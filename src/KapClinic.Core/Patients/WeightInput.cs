using FluentValidation;
using KapClinic.Core.Settings;

namespace KapClinic.Core.Patients;

/// <summary>A dated weight as the chart's form posts it.</summary>
public sealed class WeightInput
{
    public decimal? Kg { get; set; }

    public DateOnly? MeasuredOn { get; set; }
}

public sealed class WeightInputValidator : AbstractValidator<WeightInput>
{
    public WeightInputValidator(ClinicSettingsService settings, TimeProvider clock)
    {
        RuleFor(x => x.Kg)
            .NotNull().WithMessage("Enter the weight in kg.")
            .InclusiveBetween(WeightEntry.MinimumKg, WeightEntry.MaximumKg)
            .WithMessage($"Enter a weight between {WeightEntry.MinimumKg:0} and {WeightEntry.MaximumKg:0} kg (kilograms, not pounds).");
        RuleFor(x => x.MeasuredOn)
            .NotNull().WithMessage("Enter the date the weight was measured.")
            .MustAsync(async (date, ct) => date <= await settings.TodayAsync(clock, ct))
            .WithMessage("The date cannot be in the future.");
    }
}
