using KapClinic.Core.Auditing;
using KapClinic.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Users.Sessions;

/// <summary>
/// The server-side record of signed-in sessions (table user_sessions), shared by every app instance. The host's
/// cookie layer stores, finds, renews and ends sessions here by the SHA-256 of the cookie's key; account changes
/// (<see cref="UserAdministration"/>) revoke a user's sessions in the same transaction as the change.
/// </summary>
public sealed class SessionRegistry(KapClinicDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>Records a new session (sweeping long-ended rows first) and returns its handle.</summary>
    public async Task<Guid> StartAsync(Guid userId, byte[] tokenHash, byte[] protectedTicket, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await SweepAsync(now, cancellationToken);
        var session = new UserSession(userId, tokenHash, protectedTicket, now);
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session.Id;
    }

    /// <summary>
    /// The session with this key if it is still alive (not revoked, not idle too long, not past its absolute end),
    /// with its user's security stamp and disabled flag read in the same SQL command (the host checks them on every
    /// request), else null. Marks it seen, at most once per <see cref="SessionLimits.LastSeenResolution"/>.
    /// </summary>
    public async Task<ActiveSession?> FindActiveAsync(byte[] tokenHash, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var found = await (
            from s in db.UserSessions.AsNoTracking()
            join u in db.Users on s.UserId equals u.Id
            where s.TokenHash == tokenHash
            select new ActiveSession(s, u.SecurityStamp, u.IsDisabled))
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null || !found.Session.IsActiveAt(now))
        {
            return null;
        }

        if (now - found.Session.LastSeenAt >= SessionLimits.LastSeenResolution)
        {
            var seen = await db.UserSessions
                .Where(s => s.Id == found.Session.Id && s.RevokedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), cancellationToken);
            return seen == 1 ? found with { LastSeenAt = now } : found;
        }

        return found;
    }

    /// <summary>Replaces the stored ticket of a live session (the cookie layer renews it as the session slides).</summary>
    public async Task RenewAsync(byte[] tokenHash, byte[] protectedTicket, CancellationToken cancellationToken = default) =>
        await db.UserSessions
            .Where(s => s.TokenHash == tokenHash && s.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Ticket, protectedTicket), cancellationToken);

    /// <summary>Ends one session (sign-out, or replaced by a new sign-in); ending an ended session does nothing.</summary>
    public async Task EndAsync(byte[] tokenHash, string reason, CancellationToken cancellationToken = default)
    {
        var session = await db.UserSessions.SingleOrDefaultAsync(s => s.TokenHash == tokenHash && s.RevokedAt == null, cancellationToken);
        if (session is null)
        {
            return;
        }

        session.Revoke(clock.GetUtcNow(), reason);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Revokes every open session of the user, with an audit row, in the caller's unit of work (the caller saves).
    /// Returns how many were open.
    /// </summary>
    public async Task<int> RevokeAllAsync(Guid userId, string reason, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var open = await db.UserSessions.Where(s => s.UserId == userId && s.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var session in open)
        {
            session.Revoke(now, reason);
        }

        audit.Add(AuditActions.SessionsRevoked, AuditOutcome.Success, entityType: "User", entityId: userId,
            detail: $"{open.Count} session(s) ended: {reason}");
        return open.Count;
    }

    /// <summary>The user's sessions that are still alive (for tests and a future "your sessions" page).</summary>
    public async Task<int> CountActiveAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var idleSince = now - SessionLimits.IdleTimeout;
        return await db.UserSessions.CountAsync(
            s => s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now && s.LastSeenAt >= idleSince, cancellationToken);
    }

    /// <summary>Deletes rows that ended (revoked, idle or expired) more than a day ago; runs at each sign-in.</summary>
    private async Task SweepAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - SessionLimits.EndedRetention;
        await db.UserSessions
            .Where(s => s.RevokedAt < cutoff || s.ExpiresAt < cutoff || s.LastSeenAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
    }
}
