using KapClinic.Core.Common;
using KapClinic.Core.Data;
using KapClinic.Core.Patients;
using KapClinic.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KapClinic.Core.Notes;

/// <summary>What every kind of note shares: signers, addenda, co-signatures and the overdue-draft list.</summary>
public sealed class ClinicalNoteService(KapClinicDbContext db, ClinicSettingsService settings, TimeProvider clock)
{
    /// <summary>The user as a signer: name, credentials and supervisor flag as the user record says now.</summary>
    public async Task<NoteSigner> SignerAsync(Guid userId, CancellationToken cancellationToken = default) =>
        await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && !u.IsDisabled)
            .Select(u => new NoteSigner(u.Id, u.DisplayName, u.Credentials, u.IsSupervisor))
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new RuleViolationException("Your account cannot sign notes.");

    /// <summary>The author's drafts older than the clinic's limit (ClinicSettings.DraftOverdueHours), oldest first. Two SQL commands.</summary>
    public async Task<IReadOnlyList<OverdueDraft>> OverdueDraftsAsync(Guid authorId, CancellationToken cancellationToken = default)
    {
        var hours = (await settings.GetAsync(cancellationToken)).DraftOverdueHours;
        var cutoff = clock.GetUtcNow().AddHours(-hours);
        var rows = await db.ClinicalNotes.AsNoTracking()
            .Where(n => n.AuthorId == authorId && n.Status == NoteStatus.Draft && n.CreatedAt < cutoff)
            .Join(db.Patients, n => n.PatientId, p => p.Id, (n, p) => new
            {
                n.Id, n.Kind, n.PatientId, p.LegalFirstName, p.LegalLastName, p.PreferredName, p.Mrn, n.OccurredAt, n.CreatedAt,
            })
            .OrderBy(r => r.CreatedAt)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new OverdueDraft(
            r.Id, r.Kind, r.PatientId, Patient.FormatName(r.LegalFirstName, r.LegalLastName, r.PreferredName), r.Mrn, r.OccurredAt, r.CreatedAt))
            .ToList();
    }

    /// <summary>Adds a signed addendum by <paramref name="authorId"/> to a signed note. Returns its id.</summary>
    public async Task<Guid> AddAddendumAsync(Guid patientId, Guid noteId, string text, Guid authorId, CancellationToken cancellationToken = default)
    {
        var author = await SignerAsync(authorId, cancellationToken);
        var note = await LoadAsync(patientId, noteId, cancellationToken);
        var addendum = note.AddAddendum(author, text, clock.GetUtcNow());
        await SaveAsync(cancellationToken);
        return addendum.Id;
    }

    /// <summary>A supervisor co-signs a signed note they did not write; once.</summary>
    public async Task CoSignAsync(Guid patientId, Guid noteId, Guid supervisorId, CancellationToken cancellationToken = default)
    {
        var supervisor = await SignerAsync(supervisorId, cancellationToken);
        var note = await LoadAsync(patientId, noteId, cancellationToken);
        note.CoSign(supervisor, clock.GetUtcNow());
        await SaveAsync(cancellationToken);
    }

    private async Task<ClinicalNote> LoadAsync(Guid patientId, Guid noteId, CancellationToken cancellationToken) =>
        await db.ClinicalNotes
            .Include(n => n.CoSignature)
            .SingleOrDefaultAsync(n => n.Id == noteId && n.PatientId == patientId, cancellationToken)
        ?? throw new NotFoundException("That note does not exist.");

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new RuleViolationException("Someone co-signed this note a moment ago; a note is co-signed once.", ex);
        }
    }
}
