namespace KapClinic.Web.Infrastructure.Auth;

/// <summary>
/// What <see cref="DatabaseTicketStore"/> keeps of a live session between database checks: the unprotected
/// serialized ticket (deserialized afresh for each request: no principal is shared between requests), the account
/// state the session check compares, and until when it may be served.
/// </summary>
public sealed record CachedSession(byte[] Ticket, AccountState Account, Guid UserId, DateTimeOffset LastSeenAt, DateTimeOffset ValidUntil)
{
    public long Generation { get; init; }
}
