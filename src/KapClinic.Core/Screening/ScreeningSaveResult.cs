namespace KapClinic.Core.Screening;

/// <summary>What saving did: <see cref="Created"/> is false when nothing had changed and the latest version stands.</summary>
public sealed record ScreeningSaveResult(int VersionNumber, bool Created, ScreeningResult Result);
