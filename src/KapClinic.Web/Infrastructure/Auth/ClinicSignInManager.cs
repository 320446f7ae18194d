using KapClinic.Core.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KapClinic.Web.Infrastructure.Auth;

/// <summary>Identity's sign-in manager, refusing disabled users.</summary>
public sealed class ClinicSignInManager(
    UserManager<ClinicUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ClinicUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ClinicUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ClinicUser> confirmation)
    : SignInManager<ClinicUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(ClinicUser user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);
}
