using FluentValidation;

namespace KapClinic.Core.Scheduling;

/// <summary>A new appointment as the booking form sends it; times are the clinic's wall-clock.</summary>
public sealed class BookAppointmentInput : IAppointmentTimes
{
    public Guid? PatientId { get; set; }

    public AppointmentType? Type { get; set; }

    public Guid? CourseId { get; set; }

    /// <summary>The clinician who sees the patient; for dosing, the monitoring clinician.</summary>
    public Guid? ClinicianId { get; set; }

    /// <summary>For dosing: the prescriber on site.</summary>
    public Guid? PrescriberId { get; set; }

    public Guid? RoomId { get; set; }

    public DateOnly? Date { get; set; }

    public TimeOnly? StartTime { get; set; }

    public TimeOnly? EndTime { get; set; }

    /// <summary>An Admin's explicit confirmation to book outside the clinician's hours or on their time off.</summary>
    public bool ConfirmOutsideHours { get; set; }

    /// <summary>An Admin's explicit confirmation to enter an appointment in the past (back-entry).</summary>
    public bool ConfirmPastTime { get; set; }
}

public sealed class BookAppointmentInputValidator : AbstractValidator<BookAppointmentInput>
{
    public BookAppointmentInputValidator()
    {
        RuleFor(x => x.PatientId).NotEmpty().WithMessage("Choose the patient: search by name or MRN, then pick one from the list.");
        RuleFor(x => x.Type).NotNull().WithMessage("Choose the kind of appointment.")
            .IsInEnum().WithMessage("Choose the kind of appointment from the list.");
        RuleFor(x => x.ClinicianId).NotEmpty().WithMessage("Choose the clinician.");
        When(x => x.Type == AppointmentType.Dosing, () =>
        {
            RuleFor(x => x.PrescriberId).NotEmpty().WithMessage("A dosing session needs a prescriber on site: choose one.");
            RuleFor(x => x.RoomId).NotEmpty().WithMessage("A dosing session needs a dosing room or an infusion chair: choose one.");
        });
        Include(new AppointmentTimesValidator());
    }
}
