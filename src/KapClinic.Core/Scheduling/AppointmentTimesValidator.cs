using FluentValidation;

namespace KapClinic.Core.Scheduling;

/// <summary>The time rules every booking form shares: a date and start, and an end after the start, at most 12 hours later.</summary>
public sealed class AppointmentTimesValidator : AbstractValidator<IAppointmentTimes>
{
    public AppointmentTimesValidator()
    {
        RuleFor(x => x.Date).NotNull().WithMessage("Enter the date.");
        RuleFor(x => x.StartTime).NotNull().WithMessage("Enter the start time.");
        When(x => x.StartTime is not null && x.EndTime is not null, () =>
        {
            RuleFor(x => x.EndTime).Cascade(CascadeMode.Stop)
                .Must((x, end) => end != x.StartTime)
                .WithMessage("The end time is the same as the start time: an appointment must last some time.")
                .Must((x, end) => end >= x.StartTime)
                .WithMessage("The end time is before the start time. Appointments end on the day they start.")
                .Must((x, end) => end!.Value - x.StartTime!.Value <= Appointment.MaximumLength)
                .WithMessage("An appointment can last at most 12 hours; check the start and end times.");
        });
    }
}
