namespace KapClinic.Core.Dosing;

/// <summary>Serious: life-threatening, needing hospital care, or otherwise a serious adverse event (REMS reports it).</summary>
public enum AdverseEventSeverity
{
    Mild,
    Moderate,
    Severe,
    Serious,
}
