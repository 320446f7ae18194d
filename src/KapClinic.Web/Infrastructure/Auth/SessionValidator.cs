using System.Data.Common;
using System.Globalization;
using System.Security.Claims;
using KapClinic.Core.Data;
using KapClinic.Core.Users.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KapClinic.Web.Infrastructure.Auth;

/// <summary>
/// Checks the signed-in principal on every request, after <see cref="DatabaseTicketStore"/> found its session
/// alive (not revoked, idle under 30 minutes, under 12 hours old): the user still exists, is not disabled and has
/// the same security stamp (a new stamp, set when an Admin disables the user, changes their roles or resets their
/// password, ends every session at once, alongside the revoked session rows), and the 12-hour lifetime again from
/// the sign-in time in the ticket.
/// </summary>
public static class SessionValidator
{
    public static readonly TimeSpan IdleTimeout = SessionLimits.IdleTimeout;
    public static readonly TimeSpan AbsoluteLifetime = SessionLimits.AbsoluteLifetime;

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        // The error page re-runs the pipeline after a fault; it shows no PHI, and checking again would only
        // hit the failing database a second time.
        if (context.HttpContext.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            return;
        }

        bool valid;
        try
        {
            valid = await IsStillValidAsync(context);
        }
        catch (Exception ex) when (ex is DbException or TimeoutException || ex.InnerException is DbException or TimeoutException)
        {
            // The database is unreachable: the page itself will fail and show the 503 page. Signing the user out
            // here would lose their place for a blip; the check runs again on the next request.
            return;
        }

        if (!valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    private static async Task<bool> IsStillValidAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (principal is null)
        {
            return false;
        }

        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (!long.TryParse(principal.FindFirstValue(ClinicClaims.AuthenticatedAt), NumberStyles.None, CultureInfo.InvariantCulture, out var authenticatedAt)
            || now - DateTimeOffset.FromUnixTimeSeconds(authenticatedAt) > AbsoluteLifetime)
        {
            return false;
        }

        var identityOptions = services.GetRequiredService<IOptions<IdentityOptions>>().Value;
        if (!Guid.TryParse(principal.FindFirstValue(identityOptions.ClaimsIdentity.UserIdClaimType), out var userId))
        {
            return false;
        }

        var stamp = principal.FindFirstValue(identityOptions.ClaimsIdentity.SecurityStampClaimType);
        var current = DatabaseTicketStore.AccountStateOf(context.HttpContext) ?? await services.GetRequiredService<KapClinicDbContext>().Users
            .AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new AccountState(u.SecurityStamp, u.IsDisabled))
            .SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        return current is { IsDisabled: false } && string.Equals(current.SecurityStamp, stamp, StringComparison.Ordinal);
    }
}
