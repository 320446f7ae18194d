using FluentValidation;

namespace KapClinic.Web.Pages.Patients.Dosing;

/// <summary>"Record infusion end" for a running IV infusion: when (clinic time), the rate if it changed, the session's version.</summary>
public sealed class InfusionEndInput
{
    public Guid? AdministrationId { get; set; }

    public DateTime? EndAt { get; set; }

    public decimal? RateMlPerHour { get; set; }

    public uint Version { get; set; }
}

public sealed class InfusionEndInputValidator : AbstractValidator<InfusionEndInput>
{
    public InfusionEndInputValidator()
    {
        RuleFor(x => x.AdministrationId).NotNull().WithMessage("Choose the infusion that ended.");
        RuleFor(x => x.EndAt).NotNull().WithMessage("Enter when the infusion ended.");
        RuleFor(x => x.RateMlPerHour).GreaterThan(0).When(x => x.RateMlPerHour is not null).WithMessage("The rate must be more than 0 mL/h.");
    }
}
