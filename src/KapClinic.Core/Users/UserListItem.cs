namespace KapClinic.Core.Users;

public sealed record UserListItem(
    Guid Id,
    string DisplayName,
    string Email,
    string? Credentials,
    IReadOnlyList<string> Roles,
    bool IsPrescriber,
    bool IsSupervisor,
    bool IsDisabled,
    bool IsLockedOut);
