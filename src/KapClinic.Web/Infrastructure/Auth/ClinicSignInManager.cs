using System.Security.Claims;
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

    /// <summary>
    /// Issues a new cookie for the signed-in user after their own security changed (a new security stamp: enrolment,
    /// password change, MFA reset), so this session carries on while their other sessions end. The claims are rebuilt
    /// (roles, the enrolment flag) but the time of the original sign-in is kept: the 12-hour lifetime does not restart.
    /// </summary>
    public async Task RenewSessionAsync(ClinicUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var current = await Context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var principal = await CreateUserPrincipalAsync(user);
        var identity = (ClaimsIdentity)principal.Identity!;
        if (current.Principal?.FindFirst(ClinicClaims.AuthenticatedAt) is { } authenticatedAt)
        {
            foreach (var fresh in identity.FindAll(ClinicClaims.AuthenticatedAt).ToList())
            {
                identity.RemoveClaim(fresh);
            }

            identity.AddClaim(new Claim(ClinicClaims.AuthenticatedAt, authenticatedAt.Value));
        }

        foreach (var method in current.Principal?.FindAll("amr") ?? [])
        {
            identity.AddClaim(new Claim(method.Type, method.Value));
        }

        await Context.SignInAsync(IdentityConstants.ApplicationScheme, principal, current.Properties ?? new AuthenticationProperties());
    }
}
