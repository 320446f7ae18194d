using FluentValidation;

namespace KapClinic.Core.Scheduling;

/// <summary>One proposed session as the plan form carries it; the user may change its date, time, room and clinicians.</summary>
public sealed class PlanItemInput : IAppointmentTimes
{
    public AppointmentType Type { get; set; }

    public int Number { get; set; }

    public int OfCount { get; set; }

    public DateOnly? Date { get; set; }

    public TimeOnly? StartTime { get; set; }

    /// <summary>The session's length, from its type and the protocol.</summary>
    public int Minutes { get; set; }

    public Guid? RoomId { get; set; }

    public Guid? ClinicianId { get; set; }

    public Guid? PrescriberId { get; set; }

    TimeOnly? IAppointmentTimes.EndTime => null;

    public string Label => $"{AppointmentTypeText.Name(Type)} {Number} of {OfCount}";

    public TimeSpan Length => TimeSpan.FromMinutes(Minutes);
}

public sealed class PlanItemInputValidator : AbstractValidator<PlanItemInput>
{
    public PlanItemInputValidator()
    {
        RuleFor(x => x.Type).IsInEnum().WithMessage("Unknown kind of session.");
        RuleFor(x => x.Minutes).InclusiveBetween(1, (int)Appointment.MaximumLength.TotalMinutes)
            .WithMessage("A session lasts between 1 minute and 12 hours.");
        RuleFor(x => x.ClinicianId).NotEmpty().WithMessage("Choose the clinician.");
        When(x => x.Type == AppointmentType.Dosing, () =>
        {
            RuleFor(x => x.PrescriberId).NotEmpty().WithMessage("Choose the prescriber on site.");
            RuleFor(x => x.RoomId).NotEmpty().WithMessage("Choose a dosing room or infusion chair.");
        });
        Include(new AppointmentTimesValidator());
    }
}
