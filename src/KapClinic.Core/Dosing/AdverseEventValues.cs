namespace KapClinic.Core.Dosing;

/// <summary>An adverse event as entered.</summary>
public sealed record AdverseEventValues(
    AdverseEventType Type, string? OtherType, AdverseEventSeverity Severity, DateTimeOffset OnsetAt, string ActionTaken, DateTimeOffset? ResolvedAt);
