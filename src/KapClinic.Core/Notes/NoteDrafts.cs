using KapClinic.Core.Common;
using KapClinic.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Notes;

/// <summary>
/// Saving a draft of any note kind, with the same answer to a lost race: someone else saved the draft (a
/// conflict, keep the typed text) or its author signed it meanwhile (it is locked: use an addendum).
/// </summary>
public static class NoteDrafts
{
    public static async Task SaveAsync(KapClinicDbContext db, Guid noteId, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            var signedBy = await db.ClinicalNotes.AsNoTracking().Where(n => n.Id == noteId && n.SignedAt != null)
                .Select(n => n.SignerCredentials == null ? n.SignerName : n.SignerName + ", " + n.SignerCredentials)
                .SingleOrDefaultAsync(cancellationToken);
            throw signedBy is null
                ? new ConcurrencyConflictException(
                    "Someone else saved this draft after you opened it. Your text is still in the form below; open the note in another tab to see theirs, then save again to replace it with yours.",
                    ex)
                : new RuleViolationException(
                    $"{signedBy} signed this note after you opened it, so it can no longer be edited. Your text is still in the form below: copy what is still needed into an addendum.",
                    ex);
        }
    }
}
