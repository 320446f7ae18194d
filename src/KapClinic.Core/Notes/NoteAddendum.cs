using KapClinic.Core.Auditing;
using KapClinic.Core.Common;

namespace KapClinic.Core.Notes;

/// <summary>
/// A correction or late entry to a signed note. Signed by its author when written (name, credentials, UTC time,
/// meaning, hash) and never changed: the table is append-only in the database too.
/// </summary>
public sealed class NoteAddendum : IAuditable
{
    private NoteAddendum()
    {
        Text = string.Empty;
        SignerName = string.Empty;
        SignatureMeaning = string.Empty;
        ContentHash = string.Empty;
    }

    internal NoteAddendum(ClinicalNote note, NoteSigner author, string text, DateTimeOffset at)
        : this()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(author.Name);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new RuleViolationException("Text", "Write the addendum.");
        }

        if (text.Trim().Length > NoteLimits.TextMaxLength)
        {
            throw new RuleViolationException("Text", NoteLimits.TooLong("The addendum", text.Trim().Length));
        }

        var now = NoteTime.ToStored(at);
        Id = Guid.CreateVersion7(now);
        NoteId = note.Id;
        PatientId = note.PatientId;
        AuthorId = author.Id;
        Text = text.Trim();
        SignerName = author.Name.Trim();
        SignerCredentials = string.IsNullOrWhiteSpace(author.Credentials) ? null : author.Credentials.Trim();
        SignedAt = now;
        SignatureMeaning = SignatureMeanings.AuthoredAddendum;
        ContentHash = ComputeHash();
    }

    public Guid Id { get; private set; }

    public Guid NoteId { get; private set; }

    public Guid PatientId { get; private set; }

    public Guid AuthorId { get; private set; }

    public string Text { get; private set; }

    public string SignerName { get; private set; }

    public string? SignerCredentials { get; private set; }

    /// <summary>Written and signed at once: this is also when it was created.</summary>
    public DateTimeOffset SignedAt { get; private set; }

    public string SignatureMeaning { get; private set; }

    public string ContentHash { get; private set; }

    public NoteSignature Signature => new(AuthorId, SignerName, SignerCredentials, SignedAt, SignatureMeaning);

    public string AuditEntityType => "NoteAddendum";

    public Guid AuditEntityId => Id;

    public Guid? AuditPatientId => PatientId;

    public bool VerifyHash() => string.Equals(ContentHash, ComputeHash(), StringComparison.Ordinal);

    public string ComputeHash() => new NoteContent()
        .Add("addendum.id", Id)
        .Add("addendum.noteId", NoteId)
        .Add("addendum.patientId", PatientId)
        .Add("addendum.text", Text)
        .Add("signature.signerId", AuthorId)
        .Add("signature.name", SignerName)
        .Add("signature.credentials", SignerCredentials)
        .Add("signature.signedAt", SignedAt)
        .Add("signature.meaning", SignatureMeaning)
        .Hash();
}
