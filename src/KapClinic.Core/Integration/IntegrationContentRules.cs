using KapClinic.Core.Common;
using KapClinic.Core.Notes;

namespace KapClinic.Core.Integration;

/// <summary>
/// The integration note's rules on its content, shared by the entity (which refuses) and the input validator
/// (which explains beside each field): sizes, DAP versus SOAP, the risk check and the homework list.
/// </summary>
public static class IntegrationContentRules
{
    public const int MaxThemes = 20;
    public const int ThemeMaxLength = IntegrationTheme.NameMaxLength;
    public const int OtherApproachMaxLength = 200;
    public const int MaxHomeworkItems = 20;

    public const string CarriedItemsUnreviewed =
        "Mark each carried-forward item done, in progress or dropped before signing.";

    /// <summary>The narrative parts a signed note of this format cannot lack: (field, message) for each one missing.</summary>
    public static IEnumerable<(string Field, string Message)> MissingForSigning(
        NoteFormat format, string? subjective, string? objective, string? data, string? assessment, string? plan)
    {
        var parts = format == NoteFormat.Soap
            ? new[] { ("Subjective", subjective), ("Objective", objective), ("Assessment", assessment), ("Plan", plan) }
            : new[] { ("Data", data), ("Assessment", assessment), ("Plan", plan) };
        return parts.Where(p => string.IsNullOrWhiteSpace(p.Item2))
            .Select(p => (p.Item1, $"Write the {p.Item1} part of the {FormatName(format)} note before signing."));
    }

    /// <summary>Text in a part the chosen format does not have: (field, message), so nothing typed is dropped silently.</summary>
    public static IEnumerable<(string Field, string Message)> OutsideFormat(NoteFormat format, string? subjective, string? objective, string? data)
    {
        if (format == NoteFormat.Dap)
        {
            foreach (var (field, value) in new[] { ("Subjective", subjective), ("Objective", objective) })
            {
                if (!string.IsNullOrWhiteSpace(value))
                {
                    yield return (field, $"{field} is part of a SOAP note. Choose SOAP, or move this text into Data and clear it here.");
                }
            }
        }
        else if (!string.IsNullOrWhiteSpace(data))
        {
            yield return ("Data", "Data is part of a DAP note. Choose DAP, or move this text into Subjective or Objective and clear it here.");
        }
    }

    public static string FormatName(NoteFormat format) => format == NoteFormat.Soap ? "SOAP" : "DAP";

    /// <summary>Refuses content no note may hold, before anything is changed.</summary>
    public static void Validate(IntegrationContent content)
    {
        if (content.DurationMinutes is < 1 or > IntegrationNote.MaxDurationMinutes)
        {
            throw new RuleViolationException("DurationMinutes", $"The duration must be 1-{IntegrationNote.MaxDurationMinutes} minutes.");
        }

        foreach (var (field, message) in OutsideFormat(content.Format, content.Subjective, content.Objective, content.Data))
        {
            throw new RuleViolationException(field, message);
        }

        foreach (var (field, value) in new[]
        {
            ("Subjective", content.Subjective), ("Objective", content.Objective), ("Data", content.Data), ("Assessment", content.Assessment),
            ("Plan", content.Plan), ("Insights", content.Insights), ("GoalsAndProgress", content.GoalsAndProgress), ("RiskNote", content.RiskNote),
        })
        {
            if (value?.Trim() is { Length: > NoteLimits.TextMaxLength } text)
            {
                throw new RuleViolationException(field, NoteLimits.TooLong(field, text.Length));
            }
        }

        if (content.Themes.Count > MaxThemes || content.Themes.Any(t => string.IsNullOrWhiteSpace(t) || t.Trim().Length > ThemeMaxLength))
        {
            throw new RuleViolationException("Themes", "Choose themes from the clinic's list.");
        }

        if (content.Approaches.Contains(IntegrationApproach.Other) && string.IsNullOrWhiteSpace(content.OtherApproach))
        {
            throw new RuleViolationException("OtherApproach", "Say which other approach was used.");
        }

        if (content.OtherApproach?.Trim().Length > OtherApproachMaxLength)
        {
            throw new RuleViolationException("OtherApproach", $"The other approach can be at most {OtherApproachMaxLength} characters.");
        }

        ValidateRisk(content);
        ValidateHomework(content.Homework);
    }

    private static void ValidateRisk(IntegrationContent content)
    {
        if (content.RiskLevel is not null && content.RiskMethod is null)
        {
            throw new RuleViolationException("RiskMethod", "Say how the risk was checked: a C-SSRS screener or your clinical judgement.");
        }

        if (content.RiskMethod == RiskCheckMethod.CssrsScreener && (content.RiskMeasureId is null || content.RiskLevel is null))
        {
            throw new RuleViolationException("RiskMethod", "Record a C-SSRS screener for this patient first, or use your clinical judgement.");
        }
    }

    private static void ValidateHomework(IReadOnlyList<HomeworkContent> items)
    {
        if (items.Count > MaxHomeworkItems)
        {
            throw new RuleViolationException("Homework", $"A note can hold at most {MaxHomeworkItems} homework items and action steps.");
        }

        if (items.Any(i => i.CarriedFromItemId is null && string.IsNullOrWhiteSpace(i.Text)))
        {
            throw new RuleViolationException("Homework", "Each homework item needs its text.");
        }

        if (items.Any(i => i.CarriedFromItemId is null && i.Text.Trim().Length > HomeworkItem.TextMaxLength))
        {
            throw new RuleViolationException("Homework", $"Each homework item can be at most {HomeworkItem.TextMaxLength:N0} characters.");
        }

        if (items.Any(i => !Enum.IsDefined(i.Status)))
        {
            throw new RuleViolationException("Homework", "Choose each item's status from the list.");
        }

        var carried = items.Where(i => i.CarriedFromItemId is not null).Select(i => i.CarriedFromItemId).ToList();
        if (carried.Count != carried.Distinct().Count())
        {
            throw new RuleViolationException("Homework", "An item is carried forward once.");
        }
    }
}
