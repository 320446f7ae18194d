using FluentValidation;

namespace KapClinic.Core.Dosing;

public sealed class ChecklistInputValidator : AbstractValidator<ChecklistInput>
{
    public ChecklistInputValidator()
    {
        this.AddVitalsRules(x => x.Systolic, x => x.Diastolic, x => x.HeartRate, x => x.SpO2, x => x.RespiratoryRate);
        RuleFor(x => x.WeightKg).InclusiveBetween(PhysiologicalLimits.WeightKg.Min, PhysiologicalLimits.WeightKg.Max)
            .When(x => x.WeightKg is not null).WithMessage("Weight must be 30-300 kg.");
        RuleFor(x => x.MoodScore).InclusiveBetween(0, 10).When(x => x.MoodScore is not null).WithMessage("Mood must be 0-10.");
        RuleFor(x => x.PregnancyTest).IsInEnum().WithMessage("Choose the pregnancy test result, or not applicable.");
        RuleFor(x => x.RideHomeName).MaximumLength(DosingSession.ShortTextMaxLength)
            .WithMessage($"The name can be at most {DosingSession.ShortTextMaxLength} characters.");
        RuleFor(x => x.RideHomePhone).MaximumLength(DosingSession.PhoneMaxLength)
            .WithMessage($"The phone number can be at most {DosingSession.PhoneMaxLength} characters.")
            .Matches(@"^[0-9+()\-.\s]*$").WithMessage("Enter a phone number with digits, spaces and + ( ) - . only.");
        RuleFor(x => x.Intention).MaximumLength(Notes.NoteLimits.TextMaxLength)
            .WithMessage(x => Notes.NoteLimits.TooLong("The intention", x.Intention!.Length));
    }
}
