using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using KapClinic.Core.Auditing;
using KapClinic.Core.Common;
using KapClinic.Core.Data;
using KapClinic.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Scheduling;

/// <summary>
/// A clinician's private iCal feed. The secret token is shown once and only its SHA-256 is stored; a new feed
/// revokes the old one, so a leaked URL stops working as soon as the clinician rotates or revokes it.
/// </summary>
public sealed class CalendarFeedService(KapClinicDbContext db, AuditLog auditLog, TimeProvider clock)
{
    public const int TokenBytes = 32;
    public static readonly TimeSpan DaysBack = TimeSpan.FromDays(30);
    public static readonly TimeSpan DaysAhead = TimeSpan.FromDays(90);

    /// <summary>Revokes any feed the clinician has and creates a new one; returns its token (base64url), which is not kept.</summary>
    public async Task<string> CreateOrRotateAsync(Guid clinicianId, CancellationToken cancellationToken = default)
    {
        var clinicianIds = db.UserRoles.Join(db.Roles.Where(r => r.Name == ClinicRoles.Clinician), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId);
        if (!await db.Users.AnyAsync(u => u.Id == clinicianId && !u.IsDisabled && clinicianIds.Contains(u.Id), cancellationToken))
        {
            throw new RuleViolationException("Only an active clinician can have a calendar feed.");
        }

        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        var now = clock.GetUtcNow();
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await RevokeActiveAsync(clinicianId, now, cancellationToken);
                db.CalendarFeeds.Add(new CalendarFeed(clinicianId, Hash(token), now));
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            });
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: "23505" })
        {
            throw new ConcurrencyConflictException("Your calendar feed was changed at the same moment in another window. Please try again.", ex);
        }

        return token;
    }

    /// <summary>Revokes the clinician's feed; false when there was none.</summary>
    public async Task<bool> RevokeAsync(Guid clinicianId, CancellationToken cancellationToken = default)
    {
        var revoked = await RevokeActiveAsync(clinicianId, clock.GetUtcNow(), cancellationToken);
        return revoked > 0;
    }

    /// <summary>When the clinician's current feed was created, or null when they have none.</summary>
    public async Task<DateTimeOffset?> ActiveSinceAsync(Guid clinicianId, CancellationToken cancellationToken = default) =>
        await db.CalendarFeeds.AsNoTracking()
            .Where(f => f.ClinicianId == clinicianId && f.RevokedAt == null)
            .Select(f => (DateTimeOffset?)f.CreatedAt)
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The feed's events: the clinician's non-cancelled appointments (as clinician or prescriber) from 30 days ago
    /// to 90 days ahead; null when the token is unknown or revoked. Each read is audited (it is an export).
    /// </summary>
    public async Task<IReadOnlyList<CalendarFeedEvent>?> GetEventsForTokenAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        var feed = await db.CalendarFeeds.AsNoTracking()
            .Where(f => f.TokenHash == hash && f.RevokedAt == null)
            .Select(f => new { f.Id, f.ClinicianId })
            .SingleOrDefaultAsync(cancellationToken);
        if (feed is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var (since, until) = (now - DaysBack, now + DaysAhead);
        var rows = await (
            from a in db.Appointments.AsNoTracking()
            where (a.ClinicianId == feed.ClinicianId || a.PrescriberId == feed.ClinicianId)
                && a.Status != AppointmentStatus.Cancelled && a.EndsAt > since && a.StartsAt < until
            join p in db.Patients on a.PatientId equals p.Id
            from r in db.Rooms.Where(r => r.Id == a.RoomId).DefaultIfEmpty()
            orderby a.StartsAt
            select new { a.Id, a.Type, a.StartsAt, a.EndsAt, p.LegalFirstName, p.LegalLastName, p.PreferredName, RoomName = r != null ? r.Name : null })
            .ToListAsync(cancellationToken);

        await auditLog.RecordAsync(
            AuditActions.CalendarFeedRead, AuditOutcome.Success, feed.ClinicianId, "CalendarFeed", feed.Id, cancellationToken: cancellationToken);
        return [.. rows.Select(a => new CalendarFeedEvent(
            a.Id, a.Type, a.StartsAt, a.EndsAt, PatientInitials.Of(a.PreferredName ?? a.LegalFirstName, a.LegalLastName), a.RoomName))];
    }

    /// <summary>Lower-case hex SHA-256 of the token, as stored.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private async Task<int> RevokeActiveAsync(Guid clinicianId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var active = await db.CalendarFeeds.Where(f => f.ClinicianId == clinicianId && f.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var feed in active)
        {
            feed.Revoke(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return active.Count;
    }
}
