using FluentValidation;

namespace KapClinic.Core.Courses;

public sealed class StartCourseInputValidator : AbstractValidator<StartCourseInput>
{
    public StartCourseInputValidator()
    {
        RuleFor(x => x.ProtocolId)
            .NotEmpty().WithMessage("Choose the protocol the course follows.");
        RuleFor(x => x.StartDate)
            .NotNull().WithMessage("Enter the date the course starts.");
    }
}
