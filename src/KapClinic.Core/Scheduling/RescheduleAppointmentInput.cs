using FluentValidation;

namespace KapClinic.Core.Scheduling;

/// <summary>Moving an appointment: new time, room or clinician, over the version the form was opened with.</summary>
public sealed class RescheduleAppointmentInput : IAppointmentTimes
{
    public DateOnly? Date { get; set; }

    public TimeOnly? StartTime { get; set; }

    public TimeOnly? EndTime { get; set; }

    public Guid? RoomId { get; set; }

    public Guid? ClinicianId { get; set; }

    public bool ConfirmOutsideHours { get; set; }

    public bool ConfirmPastTime { get; set; }

    public uint Version { get; set; }
}

public sealed class RescheduleAppointmentInputValidator : AbstractValidator<RescheduleAppointmentInput>
{
    public RescheduleAppointmentInputValidator()
    {
        RuleFor(x => x.ClinicianId).NotEmpty().WithMessage("Choose the clinician.");
        Include(new AppointmentTimesValidator());
    }
}
