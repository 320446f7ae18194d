namespace KapClinic.Core.Users;

/// <summary>A user as the edit page shows them: the editable input plus what is shown but not edited there
/// (HasMfa: the user has set up an authenticator app, which an Admin can reset).</summary>
public sealed record UserDetails(Guid Id, string Email, bool IsDisabled, bool IsLockedOut, EditUserInput Input, bool HasMfa = false);
