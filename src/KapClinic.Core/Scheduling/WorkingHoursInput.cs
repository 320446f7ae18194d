using FluentValidation;

namespace KapClinic.Core.Scheduling;

/// <summary>One block of a clinician's weekly hours, in the clinic's wall-clock time.</summary>
public sealed class WorkingHoursInput
{
    public DayOfWeek? Day { get; set; }

    public TimeOnly? Start { get; set; }

    public TimeOnly? End { get; set; }
}

public sealed class WorkingHoursInputValidator : AbstractValidator<WorkingHoursInput>
{
    public WorkingHoursInputValidator()
    {
        RuleFor(x => x.Day).NotNull().WithMessage("Choose the day of the week.").IsInEnum().WithMessage("Choose a day from the list.");
        RuleFor(x => x.Start).NotNull().WithMessage("Enter when the hours start.");
        RuleFor(x => x.End).NotNull().WithMessage("Enter when the hours end.")
            .Must((x, end) => x.Start is null || end is null || end > x.Start).WithMessage("The end must be after the start, on the same day.");
    }
}
