using FluentValidation;

namespace KapClinic.Core.Dosing;

public sealed class DischargeInputValidator : AbstractValidator<DischargeInput>
{
    public DischargeInputValidator()
    {
        RuleFor(x => x.VitalsNearBaseline).Equal(true).WithMessage("Confirm the vitals are back near baseline, or keep monitoring.");
        RuleFor(x => x.AlertAndOriented).Equal(true).WithMessage("Confirm the patient is alert and oriented, or keep monitoring.");
        RuleFor(x => x.WalkingSteadily).Equal(true).WithMessage("Confirm the patient walks steadily, or keep monitoring.");
        RuleFor(x => x.NauseaControlled).Equal(true).WithMessage("Confirm nausea is controlled, or keep monitoring.");
        RuleFor(x => x.ResponsibleAdultPresent).Equal(true).WithMessage("A responsible adult must be present to take the patient home.");
        RuleFor(x => x.InstructionsGiven).Equal(true).WithMessage("Give the discharge instructions and confirm it.");
        RuleFor(x => x.DischargedAt).NotNull().WithMessage("Enter when the patient left.");
        RuleFor(x => x.DischargedWith).NotEmpty().WithMessage("Enter who the patient left with.")
            .MaximumLength(DischargeAssessment.DischargedWithMaxLength).WithMessage($"At most {DischargeAssessment.DischargedWithMaxLength} characters.");
        RuleFor(x => x.ReadyToLeaveAt).LessThanOrEqualTo(x => x.DischargedAt).When(x => x.ReadyToLeaveAt is not null && x.DischargedAt is not null)
            .WithMessage("'Ready to leave' cannot be after the discharge.");
        RuleFor(x => x.PatientAccount).MaximumLength(Notes.NoteLimits.TextMaxLength)
            .WithMessage(x => Notes.NoteLimits.TooLong("The patient's account", x.PatientAccount!.Length));
    }
}
