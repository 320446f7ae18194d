namespace KapClinic.Core.Measures;

/// <summary>
/// Findings that need a clinician's attention now, whatever the total says: a low PHQ-9 total with
/// item 9 above zero is still a suicide-risk conversation.
/// </summary>
public enum MeasureAlert
{
    /// <summary>A depression scale's suicidal-thoughts item was above 0 (PHQ-9 item 9, QIDS-SR16 item 12).</summary>
    SuicideRisk,

    /// <summary>C-SSRS screener: non-specific active suicidal thoughts, or suicidal behaviour more than 3 months ago.</summary>
    CssrsModerateRisk,

    /// <summary>C-SSRS screener: ideation with a method, intent or plan, or suicidal behaviour within 3 months.</summary>
    CssrsHighRisk,

    /// <summary>PCL-5 total at or above <see cref="MeasureScoring.Pcl5ProbablePtsdCutoff"/>.</summary>
    ProbablePtsd,
}
