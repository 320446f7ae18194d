namespace KapClinic.Web.Infrastructure.Web;

/// <summary>
/// Baseline browser protections for every response, and no caching of pages (they hold PHI). The CSP allows
/// only the app's own files: no inline script or style anywhere in the app. First in the pipeline, so error
/// responses (4xx, 5xx, the re-executed error pages) carry the same headers.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            if (context.Response.StatusCode >= 400 || !IsStaticAsset(context.Request.Path))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }

    private static bool IsStaticAsset(PathString path) =>
        path.StartsWithSegments("/lib") || path.StartsWithSegments("/css") || path.StartsWithSegments("/js");
}
