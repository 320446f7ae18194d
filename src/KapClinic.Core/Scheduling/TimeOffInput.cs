using FluentValidation;

namespace KapClinic.Core.Scheduling;

/// <summary>Leave or another absence: whole days in clinic time.</summary>
public sealed class TimeOffInput
{
    public DateOnly? FirstDay { get; set; }

    public DateOnly? LastDay { get; set; }

    public string? Reason { get; set; }
}

public sealed class TimeOffInputValidator : AbstractValidator<TimeOffInput>
{
    public TimeOffInputValidator()
    {
        RuleFor(x => x.FirstDay).NotNull().WithMessage("Enter the first day off.");
        RuleFor(x => x.LastDay).NotNull().WithMessage("Enter the last day off (the same day for a single day).")
            .Must((x, last) => x.FirstDay is null || last is null || last >= x.FirstDay).WithMessage("The last day must be on or after the first day.");
        RuleFor(x => x.Reason)
            .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Say what the time off is, e.g. \"annual leave\" or \"training\".")
            .MaximumLength(TimeOff.ReasonMaxLength).WithMessage($"The reason can be at most {TimeOff.ReasonMaxLength} characters.");
    }
}
