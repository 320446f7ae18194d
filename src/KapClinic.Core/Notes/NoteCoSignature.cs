using KapClinic.Core.Auditing;

namespace KapClinic.Core.Notes;

/// <summary>
/// A supervisor's co-signature on a signed note: at most one per note (its key is the note's id), never changed.
/// It records the note's content hash it was given, so it vouches for exactly that content. Kept in its own
/// append-only table so that a signed note's row is never updated, not even to add this.
/// </summary>
public sealed class NoteCoSignature : IAuditable
{
    private NoteCoSignature()
    {
        SignerName = string.Empty;
        SignatureMeaning = string.Empty;
        NoteContentHash = string.Empty;
    }

    internal NoteCoSignature(ClinicalNote note, NoteSigner supervisor, DateTimeOffset at)
        : this()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(supervisor.Name);
        NoteId = note.Id;
        PatientId = note.PatientId;
        SupervisorId = supervisor.Id;
        SignerName = supervisor.Name.Trim();
        SignerCredentials = string.IsNullOrWhiteSpace(supervisor.Credentials) ? null : supervisor.Credentials.Trim();
        SignedAt = NoteTime.ToStored(at);
        SignatureMeaning = SignatureMeanings.CoSigned;
        NoteContentHash = note.ContentHash!;
    }

    public Guid NoteId { get; private set; }

    public Guid PatientId { get; private set; }

    public Guid SupervisorId { get; private set; }

    public string SignerName { get; private set; }

    public string? SignerCredentials { get; private set; }

    public DateTimeOffset SignedAt { get; private set; }

    public string SignatureMeaning { get; private set; }

    /// <summary>The note's content hash when it was co-signed.</summary>
    public string NoteContentHash { get; private set; }

    public NoteSignature Signature => new(SupervisorId, SignerName, SignerCredentials, SignedAt, SignatureMeaning);

    public string AuditEntityType => "NoteCoSignature";

    public Guid AuditEntityId => NoteId;

    public Guid? AuditPatientId => PatientId;
}
