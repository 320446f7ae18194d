using FluentValidation;

namespace KapClinic.Core.Scheduling;

public sealed class CancelAppointmentInput
{
    public string? Reason { get; set; }

    public uint Version { get; set; }
}

public sealed class CancelAppointmentInputValidator : AbstractValidator<CancelAppointmentInput>
{
    public CancelAppointmentInputValidator()
    {
        RuleFor(x => x.Reason)
            .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Say why the appointment is cancelled, e.g. \"patient unwell\" or \"clinician on leave\".")
            .MaximumLength(Appointment.CancelReasonMaxLength).WithMessage($"The reason can be at most {Appointment.CancelReasonMaxLength} characters.");
    }
}
