using FluentValidation;

namespace KapClinic.Core.Courses;

public sealed class StopCourseInputValidator : AbstractValidator<StopCourseInput>
{
    public StopCourseInputValidator()
    {
        RuleFor(x => x.Reason)
            .NotEmpty().WithMessage("Say why the course is stopped, e.g. \"adverse event after dose 3\" or \"patient's choice\".")
            .MaximumLength(TreatmentCourse.StopReasonMaxLength)
            .WithMessage($"The reason can be at most {TreatmentCourse.StopReasonMaxLength} characters.");
    }
}
