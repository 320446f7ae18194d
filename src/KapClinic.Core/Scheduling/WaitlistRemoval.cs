using KapClinic.Core.Common;
using KapClinic.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Scheduling;

/// <summary>Takes a patient off the waitlist (no longer waiting, booked elsewhere, withdrew). The entry is kept, marked removed.</summary>
public sealed class WaitlistRemoval(KapClinicDbContext db)
{
    public async Task RemoveAsync(Guid entryId, CancellationToken cancellationToken = default)
    {
        var entry = await db.WaitlistEntries.SingleOrDefaultAsync(w => w.Id == entryId, cancellationToken)
            ?? throw new NotFoundException("That waitlist entry does not exist.");
        if (entry.Status != WaitlistStatus.Waiting)
        {
            throw new RuleViolationException($"This patient is no longer waiting: the entry is already {entry.Status.ToString().ToLowerInvariant()}.");
        }

        entry.Remove();
        await db.SaveChangesAsync(cancellationToken);
    }
}
