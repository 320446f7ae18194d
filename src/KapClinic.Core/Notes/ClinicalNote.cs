using KapClinic.Core.Auditing;
using KapClinic.Core.Common;

namespace KapClinic.Core.Notes;

/// <summary>
/// The one clinical-note mechanism: a draft until its author signs it; signing stores the signer's name,
/// credentials, UTC time, the meaning and a SHA-256 of the note's canonical content, and locks the note. After
/// that, corrections and late entries are <see cref="NoteAddendum"/>s, and a supervisor may add one
/// <see cref="NoteCoSignature"/>. Every kind of note (preparation, integration, dosing) derives from this class;
/// each has its own table joined to clinical_notes (table-per-type), and the database refuses any update of a
/// signed row in either table.
/// </summary>
public abstract class ClinicalNote : IAuditable
{
    private readonly List<NoteAddendum> addenda = [];

    protected ClinicalNote()
    {
    }

    protected ClinicalNote(NoteKind kind, Guid patientId, Guid courseId, Guid authorId, DateTimeOffset occurredAt, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7(createdAt);
        Kind = kind;
        PatientId = patientId;
        CourseId = courseId;
        AuthorId = authorId;
        OccurredAt = NoteTime.ToStored(occurredAt);
        Status = NoteStatus.Draft;
        CreatedAt = NoteTime.ToStored(createdAt);
        UpdatedAt = CreatedAt;
    }

    public Guid Id { get; private set; }

    public NoteKind Kind { get; private set; }

    public Guid PatientId { get; private set; }

    public Guid CourseId { get; private set; }

    /// <summary>The clinician who wrote the note and held the session; the only one who may sign it.</summary>
    public Guid AuthorId { get; private set; }

    /// <summary>When the session took place (UTC).</summary>
    public DateTimeOffset OccurredAt { get; private set; }

    public NoteStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public Guid? SignedBy { get; private set; }

    public string? SignerName { get; private set; }

    public string? SignerCredentials { get; private set; }

    public DateTimeOffset? SignedAt { get; private set; }

    public string? SignatureMeaning { get; private set; }

    /// <summary>SHA-256 (hex) of the canonical content at signing; see <see cref="NoteContent"/>.</summary>
    public string? ContentHash { get; private set; }

    /// <summary>Concurrency token for drafts (PostgreSQL xmin).</summary>
    public uint Version { get; private set; }

    public IReadOnlyList<NoteAddendum> Addenda => addenda;

    public NoteCoSignature? CoSignature { get; private set; }

    public bool IsSigned => Status == NoteStatus.Signed;

    public NoteSignature? Signature => IsSigned
        ? new NoteSignature(SignedBy!.Value, SignerName!, SignerCredentials, SignedAt!.Value, SignatureMeaning!)
        : null;

    public string AuditEntityType => Kind.ToString();

    public Guid AuditEntityId => Id;

    public Guid? AuditPatientId => PatientId;

    /// <summary>The author signs their own draft: completeness is checked, the content hashed, the note locked.</summary>
    public void Sign(NoteSigner signer, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(signer);
        if (IsSigned)
        {
            throw new RuleViolationException($"This note was already signed by {Signature!.DisplayName}; it cannot be signed again.");
        }

        if (signer.Id != AuthorId)
        {
            throw new RuleViolationException("Only the note's author can sign it. A supervisor can co-sign once it is signed.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(signer.Name);
        EnsureCompleteForSigning();
        SignedBy = signer.Id;
        SignerName = signer.Name.Trim();
        SignerCredentials = string.IsNullOrWhiteSpace(signer.Credentials) ? null : signer.Credentials.Trim();
        SignedAt = NoteTime.ToStored(at);
        SignatureMeaning = SignatureMeanings.Authored;
        Status = NoteStatus.Signed;
        ContentHash = ComputeHash();
    }

    /// <summary>True when the stored hash matches the content as it is now: nothing was changed since signing.</summary>
    public bool VerifyHash() => IsSigned && string.Equals(ContentHash, ComputeHash(), StringComparison.Ordinal);

    /// <summary>The hash of the note as it is now: its common fields, its signature and its own clinical fields.</summary>
    public string ComputeHash() => CanonicalContent().Hash();

    public NoteContent CanonicalContent()
    {
        var content = new NoteContent()
            .Add("note.id", Id)
            .Add("note.kind", Kind.ToString())
            .Add("note.patientId", PatientId)
            .Add("note.courseId", CourseId)
            .Add("note.authorId", AuthorId)
            .Add("note.occurredAt", OccurredAt)
            .Add("signature.signerId", SignedBy)
            .Add("signature.name", SignerName)
            .Add("signature.credentials", SignerCredentials)
            .Add("signature.signedAt", SignedAt)
            .Add("signature.meaning", SignatureMeaning);
        WriteContent(content);
        return content;
    }

    /// <summary>A correction or late entry, with its own author, time and signature. Only on a signed note.</summary>
    public NoteAddendum AddAddendum(NoteSigner author, string text, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(author);
        if (!IsSigned)
        {
            throw new RuleViolationException("An addendum can only be added to a signed note. Edit the draft instead.");
        }

        var addendum = new NoteAddendum(this, author, text, at);
        addenda.Add(addendum);
        return addendum;
    }

    /// <summary>A supervisor's co-signature: once, on a signed note, by a clinician flagged supervisor who is not the author.</summary>
    public NoteCoSignature CoSign(NoteSigner supervisor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        if (!IsSigned)
        {
            throw new RuleViolationException("Only a signed note can be co-signed.");
        }

        if (!supervisor.IsSupervisor)
        {
            throw new RuleViolationException("Only a clinician flagged as supervisor can co-sign.");
        }

        if (supervisor.Id == AuthorId)
        {
            throw new RuleViolationException("The author cannot co-sign their own note.");
        }

        if (CoSignature is not null)
        {
            throw new RuleViolationException($"This note is already co-signed by {CoSignature.Signature.DisplayName}.");
        }

        CoSignature = new NoteCoSignature(this, supervisor, at);
        return CoSignature;
    }

    /// <summary>Every change to a note's fields goes through here first: a signed note refuses.</summary>
    protected void EnsureDraft()
    {
        if (IsSigned)
        {
            throw new RuleViolationException($"This note was signed by {Signature!.DisplayName} and can no longer be edited. Add an addendum to correct or add to it.");
        }
    }

    /// <summary>Records a change to the draft (after <see cref="EnsureDraft"/>): when, and when the session was.</summary>
    protected void Touch(DateTimeOffset occurredAt, DateTimeOffset at)
    {
        EnsureDraft();
        OccurredAt = NoteTime.ToStored(occurredAt);
        UpdatedAt = NoteTime.ToStored(at);
    }

    /// <summary>The note's own clinical fields, named, for the canonical content.</summary>
    protected abstract void WriteContent(NoteContent content);

    /// <summary>Throws a <see cref="RuleViolationException"/> naming the first field a signed note cannot lack.</summary>
    protected abstract void EnsureCompleteForSigning();
}
