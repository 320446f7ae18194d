namespace KapClinic.Core.Screening;

/// <summary>A line in the list of a patient's screening versions.</summary>
public sealed record ScreeningVersionSummary(
    int VersionNumber,
    DateTimeOffset CreatedAt,
    string CreatedByName,
    ScreeningResult Result,
    string? SignerName,
    DateTimeOffset? SignedAt);
