using FluentValidation;

namespace KapClinic.Core.Patients;

public sealed class DiagnosisInput
{
    public string? Icd10Code { get; set; }

    public string? Description { get; set; }
}

public sealed class DiagnosisInputValidator : AbstractValidator<DiagnosisInput>
{
    public DiagnosisInputValidator()
    {
        RuleFor(x => x.Icd10Code)
            .NotEmpty().WithMessage("Enter the ICD-10 code, e.g. F33.1.")
            .Must(Diagnosis.IsValidIcd10)
            .WithMessage("Enter an ICD-10 code such as F33.1 or F43.10: a letter, two digits or letters, then optionally a dot and up to four more.");
        RuleFor(x => x.Description)
            .NotEmpty().WithMessage("Enter the diagnosis in words, e.g. major depressive disorder, recurrent, moderate.")
            .MaximumLength(Diagnosis.DescriptionMaxLength).WithMessage($"Use at most {Diagnosis.DescriptionMaxLength} characters.");
    }
}
