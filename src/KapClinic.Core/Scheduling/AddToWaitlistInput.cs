using FluentValidation;

namespace KapClinic.Core.Scheduling;

public sealed class AddToWaitlistInput
{
    public Guid? PatientId { get; set; }

    /// <summary>The open course the dose belongs to, when there is one.</summary>
    public Guid? CourseId { get; set; }

    /// <summary>e.g. "mornings only", "can come at a day's notice".</summary>
    public string? Note { get; set; }
}

public sealed class AddToWaitlistInputValidator : AbstractValidator<AddToWaitlistInput>
{
    public AddToWaitlistInputValidator()
    {
        RuleFor(x => x.PatientId).NotEmpty().WithMessage("Choose the patient who is waiting.");
        RuleFor(x => x.Note).MaximumLength(WaitlistEntry.NoteMaxLength)
            .WithMessage($"The note can be at most {WaitlistEntry.NoteMaxLength} characters.");
    }
}
