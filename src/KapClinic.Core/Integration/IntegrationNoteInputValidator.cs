using FluentValidation;
using KapClinic.Core.Notes;

namespace KapClinic.Core.Integration;

/// <summary>
/// Default rules apply to every save of a draft (what is there must be valid); the "Sign" rule set adds what a
/// signed note cannot lack: the format's narrative parts, the risk check, and a status for each carried-forward item.
/// </summary>
public sealed class IntegrationNoteInputValidator : AbstractValidator<IntegrationNoteInput>
{
    public const string SignRuleSet = "Sign";

    public static string[] RuleSetsFor(bool sign) => sign ? ["default", SignRuleSet] : ["default"];

    public IntegrationNoteInputValidator()
    {
        RuleFor(x => x.OccurredAt).NotNull().WithMessage("Enter the date and time of the session.");
        RuleFor(x => x.DurationMinutes)
            .NotNull().WithMessage("Enter how long the session lasted, in minutes.")
            .InclusiveBetween(1, IntegrationNote.MaxDurationMinutes)
            .WithMessage($"The duration must be between 1 and {IntegrationNote.MaxDurationMinutes} minutes.");
        RuleFor(x => x.Modality).NotNull().WithMessage("Choose in person or telehealth.").IsInEnum().WithMessage("Choose in person or telehealth.");
        RuleFor(x => x.Format).NotNull().WithMessage("Choose DAP or SOAP.").IsInEnum().WithMessage("Choose DAP or SOAP.");
        RuleFor(x => x).Custom((x, context) =>
        {
            foreach (var (field, message) in IntegrationContentRules.OutsideFormat(x.Format ?? NoteFormat.Dap, x.Subjective, x.Objective, x.Data))
            {
                context.AddFailure(field, message);
            }
        });
        foreach (var (field, label) in Narratives)
        {
            RuleFor(x => Read(x, field)).Must(t => t is null || t.Trim().Length <= NoteLimits.TextMaxLength)
                .WithMessage(x => NoteLimits.TooLong(label, Read(x, field)!.Trim().Length)).OverridePropertyName(field);
        }

        RuleFor(x => x.Themes).Must(t => t.Count <= IntegrationContentRules.MaxThemes)
            .WithMessage($"Choose at most {IntegrationContentRules.MaxThemes} themes.");
        RuleForEach(x => x.Approaches).IsInEnum().WithMessage("Choose approaches from the list.");
        RuleFor(x => x.OtherApproach).Must(t => !string.IsNullOrWhiteSpace(t)).When(x => x.Approaches.Contains(IntegrationApproach.Other))
            .WithMessage("Say which other approach was used.");
        RuleFor(x => x.OtherApproach).MaximumLength(IntegrationContentRules.OtherApproachMaxLength)
            .WithMessage($"The other approach can be at most {IntegrationContentRules.OtherApproachMaxLength} characters.");
        RuleFor(x => x.RiskMethod).IsInEnum().WithMessage("Choose how the risk was checked.");
        RuleFor(x => x.RiskLevel).IsInEnum().WithMessage("Choose Low, Moderate or High.");
        RuleFor(x => x.Homework).Custom((rows, context) => CheckRows(rows, context, signing: false));

        RuleSet(SignRuleSet, () =>
        {
            RuleFor(x => x).Custom((x, context) =>
            {
                foreach (var (field, message) in IntegrationContentRules.MissingForSigning(x.Format ?? NoteFormat.Dap, x.Subjective, x.Objective, x.Data, x.Assessment, x.Plan))
                {
                    context.AddFailure(field, message);
                }
            });
            RuleFor(x => x.RiskMethod).NotNull().WithMessage("Record the risk check before signing: a C-SSRS screener or your clinical judgement.");
            RuleFor(x => x.RiskLevel).NotNull().When(x => x.RiskMethod == RiskCheckMethod.ClinicianJudgement)
                .WithMessage("Choose the risk level you judged before signing.");
            RuleFor(x => x.RiskNote).Must(t => !string.IsNullOrWhiteSpace(t)).When(x => x.RiskMethod == RiskCheckMethod.ClinicianJudgement)
                .WithMessage("Say what the risk judgement rests on before signing.");
            RuleFor(x => x.Homework).Custom((rows, context) => CheckRows(rows, context, signing: true));
        });
    }

    private static readonly (string Field, string Label)[] Narratives =
    [
        ("Subjective", "Subjective"), ("Objective", "Objective"), ("Data", "Data"), ("Assessment", "Assessment"), ("Plan", "Plan"),
        ("Insights", "Insights"), ("GoalsAndProgress", "Goals and progress"), ("RiskNote", "The risk note"),
    ];

    private static string? Read(IntegrationNoteInput x, string field) => field switch
    {
        "Subjective" => x.Subjective,
        "Objective" => x.Objective,
        "Data" => x.Data,
        "Assessment" => x.Assessment,
        "Plan" => x.Plan,
        "Insights" => x.Insights,
        "GoalsAndProgress" => x.GoalsAndProgress,
        _ => x.RiskNote,
    };

    private static void CheckRows(List<HomeworkInput> rows, ValidationContext<IntegrationNoteInput> context, bool signing)
    {
        if (!signing && rows.Count(r => !r.IsBlank) > IntegrationContentRules.MaxHomeworkItems)
        {
            context.AddFailure("Homework", $"A note can hold at most {IntegrationContentRules.MaxHomeworkItems} homework items and action steps.");
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.IsBlank)
            {
                continue;
            }

            if (!signing && row.CarriedFromItemId is null && row.Text!.Trim().Length > HomeworkItem.TextMaxLength)
            {
                context.AddFailure($"Homework[{i}].Text", $"An item can be at most {HomeworkItem.TextMaxLength:N0} characters; this one has {row.Text.Trim().Length:N0}.");
            }

            if (!signing && (row.Status is null || !Enum.IsDefined(row.Status.Value)))
            {
                context.AddFailure($"Homework[{i}].Status", "Choose the item's status.");
            }

            if (signing && row.CarriedFromItemId is not null && row.Status == HomeworkStatus.Open)
            {
                context.AddFailure($"Homework[{i}].Status", "Mark this carried-forward item done, in progress or dropped before signing.");
            }
        }
    }
}
