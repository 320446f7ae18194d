namespace KapClinic.Core.Users.Sessions;

/// <summary>A live session and the account state every request checks (<see cref="SessionRegistry.FindActiveAsync"/>).</summary>
public sealed record ActiveSession(UserSession Session, string? SecurityStamp, bool IsUserDisabled);
