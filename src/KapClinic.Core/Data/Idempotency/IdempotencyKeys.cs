using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Data.Idempotency;

/// <summary>Reads and finishes the idempotency keys of form submissions (see <see cref="IdempotencyInterceptor"/>).</summary>
public sealed class IdempotencyKeys(KapClinicDbContext db)
{
    /// <summary>How long a key is kept: a duplicate arriving later than this is treated as a new submission.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Whether this user's key was used: null when not; else the first answer's location ("" while the first request is still finishing).</summary>
    public async Task<string?> FindAsync(Guid userId, Guid key, CancellationToken cancellationToken = default) =>
        await db.Set<IdempotencyKey>().AsNoTracking()
            .Where(k => k.UserId == userId && k.Key == key)
            .Select(k => k.Location ?? string.Empty)
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Where the first submission sent the user. It is recorded just after its transaction commits, so a concurrent
    /// duplicate may look a moment too early: this waits up to <paramref name="patience"/> for it. Null when unknown.
    /// </summary>
    public async Task<string?> LocationAsync(Guid userId, Guid key, TimeSpan patience, CancellationToken cancellationToken = default)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew(); // wall time, whatever clock the app runs on
        while (true)
        {
            var location = await FindAsync(userId, key, cancellationToken);
            if (!string.IsNullOrEmpty(location) || location is null || waited.Elapsed >= patience)
            {
                return string.IsNullOrEmpty(location) ? null : location;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>Records where the first submission's answer sent the user.</summary>
    public Task CompleteAsync(Guid userId, Guid key, string location, CancellationToken cancellationToken = default) =>
        db.Set<IdempotencyKey>()
            .Where(k => k.UserId == userId && k.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.Location, location.Length > IdempotencyKey.PathMaxLength ? location[..IdempotencyKey.PathMaxLength] : location), cancellationToken);

    /// <summary>Forgets a key: its form may be submitted again (a download, which leaves the page and its form in place).</summary>
    public Task ReleaseAsync(Guid userId, Guid key, CancellationToken cancellationToken = default) =>
        db.Set<IdempotencyKey>().Where(k => k.UserId == userId && k.Key == key).ExecuteDeleteAsync(cancellationToken);

    /// <summary>
    /// Deletes keys older than <paramref name="cutoff"/>. Several app instances may run this at once: a transaction-level
    /// advisory lock lets one of them delete and the others skip (0).
    /// </summary>
    public Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        db.Database.ExecuteSqlAsync(
            $"DELETE FROM idempotency_keys WHERE created_at < {cutoff} AND (SELECT pg_try_advisory_xact_lock(hashtext('kapclinic.idempotency_prune')))",
            cancellationToken);
}
