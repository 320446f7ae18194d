using FluentValidation;

namespace KapClinic.Core.Dosing.Rems;

public sealed class RemsSubmissionInputValidator : AbstractValidator<RemsSubmissionInput>
{
    public RemsSubmissionInputValidator()
    {
        RuleFor(x => x.SubmittedOn).NotNull().WithMessage("Enter the date the form was submitted.");
        RuleFor(x => x.ConfirmationNumber)
            .NotEmpty().WithMessage("Enter the confirmation number the REMS gave.")
            .MaximumLength(RemsSubmission.ConfirmationMaxLength)
            .WithMessage($"The confirmation number can be at most {RemsSubmission.ConfirmationMaxLength} characters.")
            .Matches("^[A-Za-z0-9][A-Za-z0-9 ./#-]*$").When(x => !string.IsNullOrWhiteSpace(x.ConfirmationNumber), ApplyConditionTo.CurrentValidator)
            .WithMessage("The confirmation number may hold letters, digits, spaces and . / # - only.");
    }
}
