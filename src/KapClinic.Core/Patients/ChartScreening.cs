using KapClinic.Core.Screening;

namespace KapClinic.Core.Patients;

/// <summary>The latest screening version: its derived result, why, and whether a prescriber signed it.</summary>
public sealed record ChartScreening(
    int VersionNumber,
    ScreeningResult Result,
    IReadOnlyList<string> Reasons,
    DateTimeOffset CreatedAt,
    string? SignerName,
    string? SignerCredentials,
    DateTimeOffset? SignedAt)
{
    public bool IsSigned => SignedAt is not null;
}
