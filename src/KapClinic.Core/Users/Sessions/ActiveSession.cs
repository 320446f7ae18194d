namespace KapClinic.Core.Users.Sessions;

/// <summary>A live session and the account state every request checks (<see cref="SessionRegistry.FindActiveAsync"/>).</summary>
public sealed record ActiveSession(UserSession Session, string? SecurityStamp, bool IsUserDisabled)
{
    /// <summary>The session's last-seen time once the check is done (the check's time when it just wrote it).</summary>
    public DateTimeOffset LastSeenAt { get; init; } = Session.LastSeenAt;
}
