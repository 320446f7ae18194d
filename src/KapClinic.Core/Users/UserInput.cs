using FluentValidation;

namespace KapClinic.Core.Users;

/// <summary>What an Admin may set on a user. Only editable fields: nothing here can touch stamps, hashes or lockout.</summary>
public class UserInput
{
    public string DisplayName { get; set; } = string.Empty;

    public string? Credentials { get; set; }

    public bool IsAdmin { get; set; }

    public bool IsClinician { get; set; }

    public bool IsStaff { get; set; }

    public bool IsPrescriber { get; set; }

    public bool IsSupervisor { get; set; }

    public IReadOnlyList<string> Roles =>
        [.. new[] { (IsAdmin, ClinicRoles.Admin), (IsClinician, ClinicRoles.Clinician), (IsStaff, ClinicRoles.Staff) }
            .Where(r => r.Item1).Select(r => r.Item2)];
}

public sealed class NewUserInput : UserInput
{
    public string Email { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;
}

public sealed class EditUserInput : UserInput
{
    /// <summary>Identity's concurrency stamp as the form loaded it.</summary>
    public string ConcurrencyStamp { get; set; } = string.Empty;
}

/// <summary>Rules shared by create and edit.</summary>
public static class UserInputRules
{
    public static void AddProfileRules<T>(AbstractValidator<T> validator)
        where T : UserInput
    {
        validator.RuleFor(x => x.DisplayName)
            .NotEmpty().WithMessage("Enter the person's name as it should appear on signatures.")
            .MaximumLength(ClinicUser.DisplayNameMaxLength)
            .WithMessage($"The name can be at most {ClinicUser.DisplayNameMaxLength} characters.");
        validator.RuleFor(x => x.Credentials)
            .MaximumLength(ClinicUser.CredentialsMaxLength)
            .WithMessage($"Credentials can be at most {ClinicUser.CredentialsMaxLength} characters, e.g. \"MD\" or \"LCSW\".");
        validator.RuleFor(x => x.IsAdmin)
            .Must((input, _) => input.Roles.Count > 0)
            .WithMessage("Choose at least one role.")
            .OverridePropertyName("Roles");
        validator.RuleFor(x => x.IsPrescriber)
            .Equal(false).When(x => !x.IsClinician)
            .WithMessage("Only a clinician can be a prescriber.");
        validator.RuleFor(x => x.IsSupervisor)
            .Equal(false).When(x => !x.IsClinician)
            .WithMessage("Only a clinician can be a supervisor.");
    }
}

public sealed class NewUserInputValidator : AbstractValidator<NewUserInput>
{
    public NewUserInputValidator()
    {
        RuleFor(x => x.Email)
            .NotEmpty().WithMessage("Enter the person's email address; they sign in with it.")
            .MaximumLength(256).WithMessage("The email address can be at most 256 characters.")
            .EmailAddress().WithMessage("Enter a valid email address, like name@clinic.org.");
        RuleFor(x => x.Password)
            .Custom((password, context) =>
            {
                foreach (var error in PasswordPolicy.Check(password, context.InstanceToValidate.Email, context.InstanceToValidate.DisplayName))
                {
                    context.AddFailure(nameof(NewUserInput.Password), error);
                }
            });
        UserInputRules.AddProfileRules(this);
    }
}

public sealed class EditUserInputValidator : AbstractValidator<EditUserInput>
{
    public EditUserInputValidator()
    {
        UserInputRules.AddProfileRules(this);
    }
}

public sealed class PasswordResetInput
{
    public string NewPassword { get; set; } = string.Empty;
}

public sealed class PasswordResetInputValidator : AbstractValidator<PasswordResetInput>
{
    public PasswordResetInputValidator()
    {
        RuleFor(x => x.NewPassword).Custom((password, context) =>
        {
            foreach (var error in PasswordPolicy.Check(password))
            {
                context.AddFailure(nameof(PasswordResetInput.NewPassword), error);
            }
        });
    }
}
