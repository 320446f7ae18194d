using FluentValidation;
using KapClinic.Core.Users;

namespace KapClinic.Web.Pages.Account;

/// <summary>The forms of the account security page: a new password, or just the current password to confirm an MFA change.</summary>
public sealed class ChangePasswordInput
{
    public string CurrentPassword { get; set; } = string.Empty;

    public string NewPassword { get; set; } = string.Empty;

    public string ConfirmPassword { get; set; } = string.Empty;
}

public sealed class CurrentPasswordInput
{
    public string CurrentPassword { get; set; } = string.Empty;
}

public sealed class ChangePasswordInputValidator : AbstractValidator<ChangePasswordInput>
{
    public ChangePasswordInputValidator()
    {
        RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage("Enter your current password.");
        RuleFor(x => x.NewPassword).Custom((password, context) =>
        {
            foreach (var error in PasswordPolicy.Check(password))
            {
                context.AddFailure(nameof(ChangePasswordInput.NewPassword), error);
            }
        });
        RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage("The two new passwords are not the same.");
    }
}

public sealed class CurrentPasswordInputValidator : AbstractValidator<CurrentPasswordInput>
{
    public CurrentPasswordInputValidator() =>
        RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage("Enter your current password.");
}
