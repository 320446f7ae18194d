using FluentValidation;

namespace KapClinic.Core.Dosing;

public sealed class ReadingInputValidator : AbstractValidator<ReadingInput>
{
    public ReadingInputValidator()
    {
        RuleFor(x => x.TakenAt).NotNull().WithMessage("Enter the time of the reading.");
        this.AddVitalsRules(x => x.Systolic, x => x.Diastolic, x => x.HeartRate, x => x.SpO2, x => x.RespiratoryRate);
        VitalsRules.Range(this, x => x.Moaas, PhysiologicalLimits.Moaas, "MOAA/S", string.Empty);
        VitalsRules.Range(this, x => x.Cadss6, PhysiologicalLimits.Cadss6, "CADSS-6", string.Empty);
        RuleFor(x => x.Dissociation).IsInEnum().WithMessage("Choose present or absent.");
        RuleFor(x => x.Nausea).IsInEnum().WithMessage("Choose none, mild, moderate or severe.");
        RuleFor(x => x.Comment).MaximumLength(VitalsReading.CommentMaxLength)
            .WithMessage($"The comment can be at most {VitalsReading.CommentMaxLength} characters.");
        RuleFor(x => x).Must(x => x.Systolic is not null || x.Diastolic is not null || x.HeartRate is not null || x.SpO2 is not null
                || x.RespiratoryRate is not null || x.Moaas is not null || x.Dissociation is not null || x.Cadss6 is not null
                || x.Nausea is not null || !string.IsNullOrWhiteSpace(x.Comment))
            .WithName("Systolic").OverridePropertyName("Systolic").WithMessage("Enter at least one value for the reading.");
    }
}
