using System.Globalization;
using System.Security.Claims;
using KapClinic.Core.Users;
using KapClinic.Core.Users.Mfa;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KapClinic.Web.Infrastructure.Auth;

public sealed class ClinicClaimsPrincipalFactory(
    UserManager<ClinicUser> userManager,
    RoleManager<IdentityRole<Guid>> roleManager,
    IOptions<IdentityOptions> options,
    TimeProvider clock,
    MfaEnrolment mfa)
    : UserClaimsPrincipalFactory<ClinicUser, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ClinicUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClinicClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(ClinicClaims.SignatureName, user.SignatureName));
        identity.AddClaim(new Claim(ClinicClaims.Prescriber, user.IsPrescriber ? "true" : "false"));
        identity.AddClaim(new Claim(ClinicClaims.Supervisor, user.IsSupervisor ? "true" : "false"));
        identity.AddClaim(new Claim(
            ClinicClaims.AuthenticatedAt,
            clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        var roles = identity.FindAll(Options.ClaimsIdentity.RoleClaimType).Select(c => c.Value).ToList();
        if (await mfa.MustEnrolAsync(user, roles))
        {
            identity.AddClaim(new Claim(ClinicClaims.MfaEnrolmentRequired, "true"));
        }

        return identity;
    }
}
