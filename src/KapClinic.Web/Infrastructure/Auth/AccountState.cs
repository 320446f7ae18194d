namespace KapClinic.Web.Infrastructure.Auth;

/// <summary>What <see cref="SessionValidator"/> checks of the signed-in user, as read with the session.</summary>
public sealed record AccountState(string? SecurityStamp, bool IsDisabled);
