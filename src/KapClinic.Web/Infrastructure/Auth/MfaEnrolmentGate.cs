namespace KapClinic.Web.Infrastructure.Auth;

/// <summary>
/// A signed-in user who must have a second factor and has none reaches nothing but the enrolment page (and sign-out,
/// the error pages and health checks): every other request, of any method, to any endpoint, is redirected there.
/// Middleware rather than a page filter, so endpoints that are not Razor Pages are covered too.
/// </summary>
public sealed class MfaEnrolmentGate(RequestDelegate next)
{
    public const string EnrolPath = "/Account/Mfa/Enrol";

    private static readonly PathString[] Allowed =
        [EnrolPath, "/Account/Logout", "/Error", "/StatusCode", "/health"];

    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.HasClaim(ClinicClaims.MfaEnrolmentRequired, "true")
            && !Allowed.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.Redirect(EnrolPath);
            return Task.CompletedTask;
        }

        return next(context);
    }
}
