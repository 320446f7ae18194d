using static KapClinic.Core.Measures.CssrsDefinition;

namespace KapClinic.Core.Measures;

/// <summary>
/// C-SSRS screener triage per CLINICAL.md. High: ideation with a method, intent or plan (3, 4 or 5), or
/// behaviour within 3 months (6 and 6b). Moderate: non-specific active thoughts (2), or behaviour more than
/// 3 months ago (6 without 6b). Low: anything else, including a wish to be dead (1) alone. The rules are
/// checked from high to low so that the most serious answer always wins.
/// </summary>
internal static class CssrsScoring
{
    public const string InconsistentTimingMessage =
        "C-SSRS item 6b (behaviour within the past 3 months) can only be yes when item 6 (suicidal behaviour ever) is yes.";

    /// <summary>6b is a follow-up to 6: "yes, within 3 months" after "no behaviour ever" is a data-entry error.</summary>
    public static bool IsConsistent(IReadOnlyList<int> answers) =>
        answers[BehaviourWithinThreeMonths] == 0 || answers[BehaviourEver] == 1;

    public static CssrsRisk Risk(IReadOnlyList<int> answers)
    {
        bool Yes(int index) => answers[index] == 1;

        if (Yes(IdeationWithMethod) || Yes(IdeationWithIntent) || Yes(IdeationWithPlanAndIntent)
            || (Yes(BehaviourEver) && Yes(BehaviourWithinThreeMonths)))
        {
            return CssrsRisk.High;
        }

        return Yes(NonSpecificThoughts) || Yes(BehaviourEver) ? CssrsRisk.Moderate : CssrsRisk.Low;
    }

    public static MeasureScore Score(IReadOnlyList<int> answers)
    {
        var risk = Risk(answers);
        return new MeasureScore
        {
            Instrument = Instrument.CssrsScreener,
            // Yes answers among questions 1-6; 6b qualifies 6 and is not a separate finding.
            Total = answers.Take(BehaviourEver + 1).Sum(),
            Band = risk switch
            {
                CssrsRisk.High => "High risk",
                CssrsRisk.Moderate => "Moderate risk",
                _ => "Low risk",
            },
            Severity = risk switch
            {
                CssrsRisk.High => Measures.Severity.Severe,
                CssrsRisk.Moderate => Measures.Severity.Moderate,
                _ => Measures.Severity.Minimal,
            },
            Alerts = risk switch
            {
                CssrsRisk.High => [MeasureAlert.CssrsHighRisk],
                CssrsRisk.Moderate => [MeasureAlert.CssrsModerateRisk],
                _ => [],
            },
        };
    }
}
