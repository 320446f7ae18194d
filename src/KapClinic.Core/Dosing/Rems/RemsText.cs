namespace KapClinic.Core.Dosing.Rems;

/// <summary>Words the REMS form and its lists use.</summary>
public static class RemsText
{
    public static string EventLabel(AdverseEventType type, string? otherType) => type switch
    {
        AdverseEventType.Hypertension => "Hypertension",
        AdverseEventType.NauseaVomiting => "Nausea or vomiting",
        AdverseEventType.EmergenceReactionOrAgitation => "Emergence reaction or agitation",
        AdverseEventType.RespiratoryDepression => "Respiratory depression",
        AdverseEventType.SevereDissociation => "Severe dissociation",
        _ => string.IsNullOrWhiteSpace(otherType) ? "Other" : $"Other: {otherType}",
    };

    public static string DoseLabel(RemsDoseChoice choice) => choice switch
    {
        RemsDoseChoice.Mg56 => "56 mg",
        RemsDoseChoice.Mg84 => "84 mg",
        _ => "Other",
    };

    /// <summary>"Due in 3 days", "Due today", "Overdue by 2 days", "Submitted".</summary>
    public static string StatusText(RemsStatus status, int daysLeft) => status switch
    {
        RemsStatus.Submitted => "Submitted",
        RemsStatus.Overdue => daysLeft == -1 ? "Overdue by 1 day" : $"Overdue by {-daysLeft} days",
        _ => daysLeft switch
        {
            0 => "Due today",
            1 => "Due tomorrow",
            _ => $"Due in {daysLeft} days",
        },
    };
}
