namespace KapClinic.Soak;

/// <summary>One write a user submitted: acknowledged when the app answered it with its success redirect.</summary>
public sealed record LedgerEntry(WriteKind Kind, string Marker, bool Acknowledged, int Attempts);
