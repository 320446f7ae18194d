using Microsoft.AspNetCore.Identity;

namespace KapClinic.Core.Users;

/// <summary>Plugs <see cref="PasswordPolicy"/> into Identity, so every path that sets a password applies it.</summary>
public sealed class PasswordPolicyValidator : IPasswordValidator<ClinicUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<ClinicUser> manager, ClinicUser user, string? password)
    {
        var errors = PasswordPolicy.Check(password, user.Email, user.DisplayName);
        return Task.FromResult(errors.Count == 0
            ? IdentityResult.Success
            : IdentityResult.Failed(errors.Select(e => new IdentityError { Code = "PasswordPolicy", Description = e }).ToArray()));
    }
}
