using FluentValidation;

namespace KapClinic.Core.Courses;

/// <summary>
/// Plausible protocol values: a positive dose range (at most 5 mg/kg or 1000 mg), at least one dosing session,
/// monitoring of 0-600 minutes (esketamine at least 120, a REMS rule) and vitals every 1-120 minutes.
/// Name uniqueness is checked by <see cref="ProtocolService"/> against the database.
/// </summary>
public sealed class ProtocolInputValidator : AbstractValidator<ProtocolInput>
{
    public const decimal MaxMgPerKg = 5m;
    public const decimal MaxMg = 1000m;
    public const int MaxSessions = 100;
    public const int MaxMonitoringMinutes = 600;
    public const int EsketamineMinimumMonitoringMinutes = 120;
    public const int MaxVitalsIntervalMinutes = 120;

    public ProtocolInputValidator()
    {
        RuleFor(x => x.Name)
            .NotEmpty().WithMessage("Enter a name for the protocol, e.g. \"IV ketamine series\".")
            .MaximumLength(Protocol.NameMaxLength).WithMessage($"The name can be at most {Protocol.NameMaxLength} characters.");
        RuleFor(x => x.Drug).IsInEnum().WithMessage("Choose ketamine or esketamine.");
        RuleFor(x => x.Route).IsInEnum().WithMessage("Choose a route of administration.");
        RuleFor(x => x.Route)
            .Equal(AdministrationRoute.Intranasal).When(x => x.Drug == DrugKind.Esketamine)
            .WithMessage("Esketamine (Spravato) is given as a nasal spray: choose the intranasal route.");
        RuleFor(x => x.DoseUnit).IsInEnum().WithMessage("Choose mg or mg/kg.");

        RuleFor(x => x.DoseMin)
            .NotNull().WithMessage("Enter the lowest dose.")
            .GreaterThan(0).WithMessage("The lowest dose must be more than 0.")
            .PrecisionScale(7, 3, ignoreTrailingZeros: true).WithMessage("Use at most 3 decimals.");
        RuleFor(x => x.DoseMax)
            .NotNull().WithMessage("Enter the highest dose.")
            .PrecisionScale(7, 3, ignoreTrailingZeros: true).WithMessage("Use at most 3 decimals.");
        RuleFor(x => x.DoseMax)
            .GreaterThanOrEqualTo(x => x.DoseMin).When(x => x.DoseMin is not null && x.DoseMax is not null)
            .WithMessage("The highest dose cannot be below the lowest dose.");
        RuleFor(x => x.DoseMax)
            .LessThanOrEqualTo(MaxMgPerKg).When(x => x.DoseUnit == DoseUnit.MgPerKg && x.DoseMax is not null)
            .WithMessage($"A weight-based dose above {MaxMgPerKg} mg/kg is not plausible; check the unit (mg or mg/kg).");
        RuleFor(x => x.DoseMax)
            .LessThanOrEqualTo(MaxMg).When(x => x.DoseUnit == DoseUnit.Mg && x.DoseMax is not null)
            .WithMessage($"A dose above {MaxMg} mg is not plausible; check the unit (mg or mg/kg).");

        RuleFor(x => x.PlannedPreparationSessions).NotNull().WithMessage("Enter the number of preparation sessions (0 or more).")
            .InclusiveBetween(0, MaxSessions).WithMessage($"Preparation sessions: 0 to {MaxSessions}.");
        RuleFor(x => x.PlannedDosingSessions).NotNull().WithMessage("Enter the number of dosing sessions (at least 1).")
            .InclusiveBetween(1, MaxSessions).WithMessage($"A protocol needs at least 1 dosing session (at most {MaxSessions}).");
        RuleFor(x => x.PlannedIntegrationSessions).NotNull().WithMessage("Enter the number of integration sessions (0 or more).")
            .InclusiveBetween(0, MaxSessions).WithMessage($"Integration sessions: 0 to {MaxSessions}.");

        RuleFor(x => x.MinimumMonitoringMinutes)
            .NotNull().WithMessage("Enter the minimum monitoring time in minutes.")
            .InclusiveBetween(0, MaxMonitoringMinutes).WithMessage($"Monitoring time: 0 to {MaxMonitoringMinutes} minutes.");
        RuleFor(x => x.MinimumMonitoringMinutes)
            .GreaterThanOrEqualTo(EsketamineMinimumMonitoringMinutes)
            .When(x => x.Drug == DrugKind.Esketamine && x.MinimumMonitoringMinutes is not null)
            .WithMessage($"Esketamine needs at least {EsketamineMinimumMonitoringMinutes} minutes of monitoring after the dose (Spravato REMS requirement).");
        RuleFor(x => x.VitalsIntervalMinutes)
            .NotNull().WithMessage("Enter how often vital signs are taken, in minutes.")
            .InclusiveBetween(1, MaxVitalsIntervalMinutes).WithMessage($"Vital signs interval: 1 to {MaxVitalsIntervalMinutes} minutes.");
    }
}
