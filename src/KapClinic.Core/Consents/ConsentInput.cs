using FluentValidation;
using KapClinic.Core.Courses;
using KapClinic.Core.Settings;

namespace KapClinic.Core.Consents;

/// <summary>A signed consent as the chart's form posts it. The witness is the signed-in clinician.</summary>
public sealed class ConsentInput
{
    public ConsentKind? Kind { get; set; }

    public AdministrationRoute? Route { get; set; }

    public string? DocumentName { get; set; }

    public string? DocumentVersion { get; set; }

    public DateOnly? SignedOn { get; set; }

    public string? PatientTypedName { get; set; }
}

public sealed class ConsentInputValidator : AbstractValidator<ConsentInput>
{
    public const int DocumentVersionMaxLength = 40;

    public ConsentInputValidator(ClinicSettingsService settings, TimeProvider clock)
    {
        RuleFor(x => x.Kind)
            .NotNull().WithMessage("Choose what the consent is for.")
            .IsInEnum().WithMessage("Choose a kind from the list.");
        RuleFor(x => x.Route)
            .NotNull().When(x => x.Kind == ConsentKind.RouteOfAdministration)
            .WithMessage("Choose the route this consent covers.")
            .IsInEnum().WithMessage("Choose a route from the list.");
        RuleFor(x => x.DocumentName)
            .NotEmpty().WithMessage("Enter the consent document's name.")
            .MaximumLength(Consent.TextMaxLength).WithMessage($"Use at most {Consent.TextMaxLength} characters.");
        RuleFor(x => x.DocumentVersion)
            .NotEmpty().WithMessage("Enter the document's version, e.g. 2.1 or 2026-03.")
            .MaximumLength(DocumentVersionMaxLength).WithMessage($"Use at most {DocumentVersionMaxLength} characters.");
        RuleFor(x => x.SignedOn)
            .NotNull().WithMessage("Enter the date the patient signed.")
            .MustAsync(async (date, ct) => date <= await settings.TodayAsync(clock, ct))
            .WithMessage("The signing date cannot be in the future.");
        RuleFor(x => x.PatientTypedName)
            .NotEmpty().WithMessage("Enter the patient's name as they typed it to sign.")
            .MaximumLength(Consent.TextMaxLength).WithMessage($"Use at most {Consent.TextMaxLength} characters.");
    }
}
