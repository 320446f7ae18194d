namespace KapClinic.Core.Users;

/// <summary>A user as the edit page shows them: the editable input plus what is shown but not edited there.</summary>
public sealed record UserDetails(Guid Id, string Email, bool IsDisabled, bool IsLockedOut, EditUserInput Input);
