using FluentValidation;
using KapClinic.Core.Notes;

namespace KapClinic.Core.Preparation;

/// <summary>
/// Default rules apply to every save of a draft (what is there must be valid); the "Sign" rule set adds what a
/// signed note cannot lack (see <see cref="RuleSetsFor"/>).
/// </summary>
public sealed class PreparationSessionInputValidator : AbstractValidator<PreparationSessionInput>
{
    public const string SignRuleSet = "Sign";

    /// <summary>The rule sets a save runs: signing adds what a signed note cannot lack.</summary>
    public static string[] RuleSetsFor(bool sign) => sign ? ["default", SignRuleSet] : ["default"];

    public PreparationSessionInputValidator()
    {
        RuleFor(x => x.OccurredAt).NotNull().WithMessage("Enter the date and time of the session.");
        RuleFor(x => x.DurationMinutes)
            .NotNull().WithMessage("Enter how long the session lasted, in minutes.")
            .InclusiveBetween(1, PreparationSession.MaxDurationMinutes)
            .WithMessage($"The duration must be between 1 and {PreparationSession.MaxDurationMinutes} minutes.");
        RuleFor(x => x.Modality).NotNull().WithMessage("Choose in person or telehealth.").IsInEnum().WithMessage("Choose in person or telehealth.");
        RuleForEach(x => x.EducationTopics).IsInEnum().WithMessage("Choose topics from the list.");
        RuleFor(x => x.Decision).IsInEnum().WithMessage("Choose Ready, Not yet or Refer out.");
        RuleFor(x => x.SupportPerson)
            .MaximumLength(PreparationSession.SupportPersonMaxLength)
            .WithMessage($"The support person can be at most {PreparationSession.SupportPersonMaxLength} characters.");
        RuleFor(x => x.ReviewedScreeningId).NotNull().When(x => x.ScreeningReviewed)
            .WithMessage("There is no screening to review yet: record the intake screening first.")
            .OverridePropertyName(nameof(PreparationSessionInput.ScreeningReviewed));
        RuleFor(x => x.DecisionRationale).Must(t => !string.IsNullOrWhiteSpace(t)).When(x => x.Decision is not null)
            .WithMessage("Give the rationale for the readiness decision.");
        Narrative(x => x.Intentions, "Intentions");
        Narrative(x => x.MentalStatus, "Mental status");
        Narrative(x => x.DecisionRationale, "The rationale");
        Narrative(x => x.Data, "Data");
        Narrative(x => x.Assessment, "Assessment");
        Narrative(x => x.Plan, "Plan");

        RuleSet(SignRuleSet, () =>
        {
            Required(x => x.Intentions, "Record the patient's intentions before signing.");
            Required(x => x.MentalStatus, "Record a brief mental status before signing.");
            RuleFor(x => x.Decision).NotNull().WithMessage("Choose a readiness decision before signing.");
            RuleFor(x => x.ScreeningReviewed).Equal(true).When(x => x.Decision == ReadinessDecision.Ready)
                .WithMessage("A Ready decision needs the latest screening reviewed in this session.");
            Required(x => x.Data, "Write the Data part of the note before signing.");
            Required(x => x.Assessment, "Write the Assessment part of the note before signing.");
            Required(x => x.Plan, "Write the Plan part of the note before signing.");
        });
    }

    private void Narrative(System.Linq.Expressions.Expression<Func<PreparationSessionInput, string?>> field, string label)
    {
        var read = field.Compile();
        RuleFor(field)
            .Must(t => t is null || t.Trim().Length <= NoteLimits.TextMaxLength)
            .WithMessage(x => NoteLimits.TooLong(label, read(x)!.Trim().Length));
    }

    private void Required(System.Linq.Expressions.Expression<Func<PreparationSessionInput, string?>> field, string message) =>
        RuleFor(field).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(message);
}
