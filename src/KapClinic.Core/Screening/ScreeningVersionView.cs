namespace KapClinic.Core.Screening;

/// <summary>One screening version as read: its answers, the derived result and reasons, who made it and who signed it.</summary>
public sealed record ScreeningVersionView(
    int VersionNumber,
    IReadOnlyList<ScreeningResponse> Responses,
    ScreeningResult Result,
    IReadOnlyList<string> Reasons,
    DateTimeOffset CreatedAt,
    string CreatedByName,
    string? SignerName,
    string? SignerCredentials,
    DateTimeOffset? SignedAt)
{
    public bool IsSigned => SignedAt is not null;

    /// <summary>"Dr. Camila Núñez, MD": the signer as they were at signing.</summary>
    public string? SignatureName => SignerName is null ? null
        : string.IsNullOrWhiteSpace(SignerCredentials) ? SignerName : $"{SignerName}, {SignerCredentials}";

    public ScreeningResponse? ResponseTo(ScreeningItem item) => Responses.FirstOrDefault(r => r.Item == item);
}
