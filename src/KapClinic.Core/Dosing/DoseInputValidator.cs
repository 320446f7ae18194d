using FluentValidation;

namespace KapClinic.Core.Dosing;

public sealed class DoseInputValidator : AbstractValidator<DoseInput>
{
    public DoseInputValidator()
    {
        RuleFor(x => x.Route).IsInEnum().When(x => x.Route is not null).WithMessage("Choose the route.");
        RuleFor(x => x.DoseMg).NotNull().WithMessage("Enter the dose in mg.")
            .GreaterThan(0).WithMessage("The dose must be more than 0 mg.")
            .LessThanOrEqualTo(2000).WithMessage("The dose must be at most 2000 mg.");
        RuleFor(x => x.AdministeredAt).NotNull().WithMessage("Enter when the dose was given.");
        RuleFor(x => x.LotNumber).NotEmpty().When(x => x.LotId is null && !x.LotFromStock).WithMessage("Enter the lot number of the product given.");
        RuleFor(x => x.LotNumber).MaximumLength(DoseAdministration.LotNumberMaxLength)
            .WithMessage($"The lot number can be at most {DoseAdministration.LotNumberMaxLength} characters.");
        RuleFor(x => x.LotId).NotNull().When(x => x.LotFromStock).WithMessage(DoseLots.ChooseLotMessage);
        RuleFor(x => x.GivenById).NotNull().WithMessage("Choose who gave the dose.");
        RuleFor(x => x.ConcentrationMgPerMl).GreaterThan(0).When(x => x.ConcentrationMgPerMl is not null).WithMessage("The concentration must be more than 0 mg/mL.");
        RuleFor(x => x.VolumeMl).GreaterThan(0).When(x => x.VolumeMl is not null).WithMessage("The volume must be more than 0 mL.");
        RuleFor(x => x.InfusionRateMlPerHour).GreaterThan(0).When(x => x.InfusionRateMlPerHour is not null).WithMessage("The rate must be more than 0 mL/h.");
        RuleFor(x => x.InfusionEndAt).GreaterThan(x => x.AdministeredAt).When(x => x.InfusionEndAt is not null && x.AdministeredAt is not null)
            .WithMessage("The infusion must end after it started.");
        RuleFor(x => x.DeviceCount).InclusiveBetween(1, 3).When(x => x.DeviceCount is not null).WithMessage("Esketamine uses 1-3 devices of 28 mg.");
        RuleFor(x => x.OverrideReasons).Custom((reasons, context) =>
        {
            foreach (var (gate, reason) in reasons ?? [])
            {
                if (reason is { Length: > GateOverride.ReasonMaxLength })
                {
                    context.AddFailure($"{nameof(DoseInput.OverrideReasons)}[{gate}]", $"The override reason can be at most {GateOverride.ReasonMaxLength} characters.");
                }
            }
        });
    }
}
