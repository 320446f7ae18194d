using System.Text.RegularExpressions;
using FluentValidation;

namespace KapClinic.Core.Patients;

/// <summary>
/// The registry form's rules. The date rules need the clinic's date and minimum age, so the validator is built
/// with a <see cref="PatientValidationContext"/> (<c>PatientRegistry.ValidateAsync</c> supplies the real one).
/// The primary clinician is checked against the users by the registry, which needs the database.
/// </summary>
public sealed partial class PatientInputValidator : AbstractValidator<PatientInput>
{
    public const decimal MinimumHeightCm = 100m;
    public const decimal MaximumHeightCm = 250m;
    public const int MaximumAgeYears = 120;

    public PatientInputValidator(PatientValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        RuleFor(x => x.LegalFirstName).NotEmpty().WithMessage("Enter the legal first name, as on an ID document.");
        RuleFor(x => x.LegalLastName).NotEmpty().WithMessage("Enter the legal last name, as on an ID document.");
        MaxLength(x => x.LegalFirstName, "The legal first name", Patient.NameMaxLength);
        MaxLength(x => x.LegalLastName, "The legal last name", Patient.NameMaxLength);
        MaxLength(x => x.PreferredName, "The preferred name", Patient.NameMaxLength);
        MaxLength(x => x.GenderIdentity, "Gender identity", Patient.ShortTextMaxLength);
        MaxLength(x => x.Pronouns, "Pronouns", 40);
        MaxLength(x => x.ReferralSource, "The referral source", Patient.ShortTextMaxLength);
        MaxLength(x => x.AddressLine1, "Address line 1", Patient.ShortTextMaxLength);
        MaxLength(x => x.AddressLine2, "Address line 2", Patient.ShortTextMaxLength);
        MaxLength(x => x.City, "The city", Patient.ShortTextMaxLength);
        MaxLength(x => x.Region, "The state or region", Patient.ShortTextMaxLength);
        MaxLength(x => x.PostalCode, "The postal code", 20);
        MaxLength(x => x.EmergencyContactName, "The emergency contact's name", Patient.NameMaxLength);
        MaxLength(x => x.EmergencyContactRelationship, "The emergency contact's relationship", Patient.ShortTextMaxLength);

        RuleFor(x => x.DateOfBirth)
            .Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Enter the date of birth.")
            .Must(d => d <= context.Today).WithMessage("The date of birth cannot be in the future.")
            .Must(d => d > context.Today.AddYears(-MaximumAgeYears))
            .WithMessage($"The date of birth must be within the last {MaximumAgeYears} years; check the year.")
            .Must(d => Patient.AgeOn(d!.Value, context.Today) >= context.MinimumAgeYears)
            .WithMessage($"The patient must be at least {context.MinimumAgeYears} years old (the clinic's minimum age).");

        RuleFor(x => x.SexAtBirth)
            .Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Choose the sex assigned at birth (Unknown is allowed).")
            .IsInEnum().WithMessage("Choose the sex assigned at birth from the list.");

        RuleFor(x => x.Phone)
            .Must(PhoneNumbers.IsValid).When(x => !string.IsNullOrWhiteSpace(x.Phone))
            .WithMessage($"The phone number may contain {PhoneNumbers.Rule}.");
        RuleFor(x => x.EmergencyContactPhone)
            .Must(PhoneNumbers.IsValid).When(x => !string.IsNullOrWhiteSpace(x.EmergencyContactPhone))
            .WithMessage($"The emergency contact's phone may contain {PhoneNumbers.Rule}.");
        RuleFor(x => x.EmergencyContactPhone)
            .NotEmpty().When(x => !string.IsNullOrWhiteSpace(x.EmergencyContactName))
            .WithMessage("Enter a phone number for the emergency contact, or leave their name empty.");
        RuleFor(x => x.EmergencyContactName)
            .NotEmpty().When(x => !string.IsNullOrWhiteSpace(x.EmergencyContactPhone) || !string.IsNullOrWhiteSpace(x.EmergencyContactRelationship))
            .WithMessage("Enter the emergency contact's name, or leave their relationship and phone empty.");

        RuleFor(x => x.Email)
            .MaximumLength(Patient.EmailMaxLength).WithMessage($"The email address can be at most {Patient.EmailMaxLength} characters.")
            .Must(e => EmailPattern().IsMatch(e!.Trim())).When(x => !string.IsNullOrWhiteSpace(x.Email))
            .WithMessage("Enter a valid email address, like name@example.org, or leave it empty.");

        RuleFor(x => x.HeightCm)
            .InclusiveBetween(MinimumHeightCm, MaximumHeightCm).When(x => x.HeightCm is not null)
            .WithMessage($"Height must be between {MinimumHeightCm:0} and {MaximumHeightCm:0} cm, or left empty.");
    }

    private void MaxLength(System.Linq.Expressions.Expression<Func<PatientInput, string?>> field, string label, int max) =>
        RuleFor(field).MaximumLength(max).WithMessage($"{label} can be at most {max} characters.");

    // One @, something before it, a dot in the domain, no spaces: strict enough to catch typos, loose enough for real addresses.
    [GeneratedRegex(@"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
