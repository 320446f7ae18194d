namespace KapClinic.Core.Users.Sessions;

/// <summary>
/// One signed-in browser session. The cookie carries only a random 256-bit key; this row holds its SHA-256
/// (so a copy of the table yields no usable key), the sign-in ticket (protected with ASP.NET Core Data Protection
/// by the host) and the times that decide whether the session is still alive. Revoking the row ends the session
/// on every app instance at once.
/// </summary>
public sealed class UserSession
{
    public const int TokenHashLength = 32;
    public const int EndReasonMaxLength = 60;

    private UserSession()
    {
        TokenHash = [];
        Ticket = [];
    }

    public UserSession(Guid userId, byte[] tokenHash, byte[] ticket, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        ArgumentNullException.ThrowIfNull(ticket);
        if (tokenHash.Length != TokenHashLength)
        {
            throw new ArgumentException("The token hash must be a SHA-256 digest.", nameof(tokenHash));
        }

        Id = Guid.CreateVersion7(now);
        UserId = userId;
        TokenHash = tokenHash;
        Ticket = ticket;
        CreatedAt = now;
        LastSeenAt = now;
        ExpiresAt = now + SessionLimits.AbsoluteLifetime;
    }

    /// <summary>A handle for audit rows and listings; never the cookie's key.</summary>
    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

#pragma warning disable CA1819 // EF maps bytea to byte[]; the arrays are never shared outside the store.
    public byte[] TokenHash { get; private set; }

    /// <summary>The serialized sign-in ticket, protected by the host (Data Protection).</summary>
    public byte[] Ticket { get; private set; }
#pragma warning restore CA1819

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset LastSeenAt { get; private set; }

    /// <summary>The absolute end: sign-in plus <see cref="SessionLimits.AbsoluteLifetime"/>.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? EndReason { get; private set; }

    public bool IsActiveAt(DateTimeOffset now) =>
        RevokedAt is null && now < ExpiresAt && now - LastSeenAt <= SessionLimits.IdleTimeout;

    /// <summary>Ends the session now; a session already ended keeps its first reason.</summary>
    public void Revoke(DateTimeOffset now, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (RevokedAt is not null)
        {
            return;
        }

        RevokedAt = now;
        EndReason = reason.Length > EndReasonMaxLength ? reason[..EndReasonMaxLength] : reason;
    }
}
