namespace KapClinic.Core.Notes;

/// <summary>A signature as stored: who, their name and credentials then, when (UTC) and what it means.</summary>
public sealed record NoteSignature(Guid SignerId, string SignerName, string? SignerCredentials, DateTimeOffset SignedAt, string Meaning)
{
    /// <summary>"Dr A. Rivera, MD".</summary>
    public string DisplayName => NoteSigner.FormatName(SignerName, SignerCredentials);
}
