using KapClinic.Core.Screening;

namespace KapClinic.Core.Preparation;

/// <summary>A screening version as a preparation note shows it for review.</summary>
public sealed record ScreeningSnapshot(
    Guid Id,
    int VersionNumber,
    ScreeningResult Result,
    IReadOnlyList<string> Reasons,
    DateTimeOffset CreatedAt,
    string? SignerName,
    string? SignerCredentials,
    DateTimeOffset? SignedAt);
