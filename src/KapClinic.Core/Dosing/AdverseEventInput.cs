namespace KapClinic.Core.Dosing;

/// <summary>An adverse event as the form posts it; times are the clinic's wall clock.</summary>
public sealed class AdverseEventInput
{
    public AdverseEventType? Type { get; set; }

    public string? OtherType { get; set; }

    public AdverseEventSeverity? Severity { get; set; }

    public DateTime? OnsetAt { get; set; }

    public string? ActionTaken { get; set; }

    public DateTime? ResolvedAt { get; set; }
}
