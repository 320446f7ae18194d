using FluentValidation;

namespace KapClinic.Core.Settings;

public sealed class ClinicSettingsInput
{
    public string ClinicName { get; set; } = string.Empty;

    public string TimeZoneId { get; set; } = string.Empty;

    public int ConsentValidityMonths { get; set; } = 12;

    public int MinimumPatientAgeYears { get; set; } = 18;

    public int DraftOverdueHours { get; set; } = ClinicSettings.DefaultDraftOverdueHours;

    /// <summary>Staff must sign in with an authenticator code too.</summary>
    public bool RequireMfaForStaff { get; set; }

    /// <summary>The dosing-session safety numbers (CLINICAL.md defaults).</summary>
    public DosingThresholdsInput Dosing { get; set; } = new();

    /// <summary>The version the form was opened with; a newer one in the database means a conflict.</summary>
    public uint Version { get; set; }
}

public sealed class ClinicSettingsInputValidator : AbstractValidator<ClinicSettingsInput>
{
    public ClinicSettingsInputValidator()
    {
        RuleFor(x => x.ClinicName)
            .NotEmpty().WithMessage("Enter the clinic's name.")
            .MaximumLength(ClinicSettings.ClinicNameMaxLength)
            .WithMessage($"The clinic's name can be at most {ClinicSettings.ClinicNameMaxLength} characters.");
        RuleFor(x => x.TimeZoneId)
            .Must(ClinicSettings.IsKnownTimeZone)
            .WithMessage("Choose a time zone from the list.");
        RuleFor(x => x.ConsentValidityMonths)
            .InclusiveBetween(1, 60).WithMessage("Consent validity must be between 1 and 60 months.");
        RuleFor(x => x.MinimumPatientAgeYears)
            .InclusiveBetween(0, 120).WithMessage("The minimum age must be between 0 and 120 years.");
        RuleFor(x => x.DraftOverdueHours)
            .InclusiveBetween(1, ClinicSettings.MaxDraftOverdueHours)
            .WithMessage($"Drafts become overdue after 1 to {ClinicSettings.MaxDraftOverdueHours} hours.");
        RuleFor(x => x.Dosing).NotNull().SetValidator(new DosingThresholdsInputValidator());
    }
}
