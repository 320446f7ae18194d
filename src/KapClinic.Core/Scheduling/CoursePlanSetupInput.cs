using FluentValidation;

namespace KapClinic.Core.Scheduling;

/// <summary>How to lay out a course's sessions and who and where, before the proposal is adjusted item by item.</summary>
public sealed class CoursePlanSetupInput
{
    public DateOnly? StartDate { get; set; }

    public List<DayOfWeek> DosingDays { get; set; } = [.. CoursePlanGenerator.DefaultDosingDays];

    public TimeOnly? PreparationTime { get; set; } = new(9, 0);

    public TimeOnly? DosingTime { get; set; } = new(9, 0);

    public TimeOnly? IntegrationTime { get; set; } = new(9, 0);

    /// <summary>Runs preparation and integration sessions.</summary>
    public Guid? TherapistId { get; set; }

    public Guid? MonitoringClinicianId { get; set; }

    public Guid? PrescriberId { get; set; }

    public Guid? DosingRoomId { get; set; }

    public Guid? TherapyRoomId { get; set; }
}

public sealed class CoursePlanSetupInputValidator : AbstractValidator<CoursePlanSetupInput>
{
    public CoursePlanSetupInputValidator()
    {
        RuleFor(x => x.StartDate).NotNull().WithMessage("Enter the date of the first session.");
        RuleFor(x => x.DosingDays)
            .Must(d => d.Distinct().Count() is >= 1 and <= 3).WithMessage("Choose one to three dosing days (twice a week is usual, e.g. Monday and Thursday).")
            .Must(d => d.All(day => day is not (DayOfWeek.Saturday or DayOfWeek.Sunday))).WithMessage("Dosing days are working days, Monday to Friday.");
        RuleFor(x => x.PreparationTime).NotNull().WithMessage("Enter the time of preparation sessions.");
        RuleFor(x => x.DosingTime).NotNull().WithMessage("Enter the time of dosing sessions.");
        RuleFor(x => x.IntegrationTime).NotNull().WithMessage("Enter the time of integration sessions.");
        RuleFor(x => x.TherapistId).NotEmpty().WithMessage("Choose the therapist for preparation and integration.");
        RuleFor(x => x.MonitoringClinicianId).NotEmpty().WithMessage("Choose the clinician who monitors dosing.");
        RuleFor(x => x.PrescriberId).NotEmpty().WithMessage("Choose the prescriber on site for dosing.");
        RuleFor(x => x.DosingRoomId).NotEmpty().WithMessage("Choose the dosing room or infusion chair.");
    }
}
