using KapClinic.Core.Auditing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace KapClinic.Web.Infrastructure.Auth;

/// <summary>
/// A signed-in user without the right role gets a 403 status (not a redirect) and the 403 page, and the
/// refusal is audited.
/// </summary>
public static class AccessDenied
{
    public static async Task RespondAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        var audit = context.HttpContext.RequestServices.GetRequiredService<AuditLog>();
        await audit.RecordAsync(AuditActions.AccessDenied, AuditOutcome.Denied, detail: context.Request.Path.Value);
    }
}
