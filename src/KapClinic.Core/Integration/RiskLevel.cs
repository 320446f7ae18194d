namespace KapClinic.Core.Integration;

/// <summary>The risk level a check found. Moderate and High show a danger alert on the note.</summary>
public enum RiskLevel
{
    Low,
    Moderate,
    High,
}
