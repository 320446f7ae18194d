namespace KapClinic.Core.Integration;

/// <summary>A C-SSRS screener as the risk check shows it: when it was taken and the risk level it found.</summary>
public sealed record CssrsSnapshot(Guid Id, DateTimeOffset TakenAt, RiskLevel Level);
