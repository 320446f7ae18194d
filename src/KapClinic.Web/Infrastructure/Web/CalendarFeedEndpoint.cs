using KapClinic.Core.Scheduling;
using KapClinic.Core.Settings;

namespace KapClinic.Web.Infrastructure.Web;

/// <summary>
/// GET /calendar/{token}.ics: a clinician's appointments for their calendar app. Anonymous on purpose, because a
/// calendar app cannot sign in: the secret URL is the credential (256 random bits, stored only as a hash, revocable).
/// The token never reaches the logs (<see cref="CalendarTokenRedactor"/>).
/// </summary>
public static class CalendarFeedEndpoint
{
    public const string Pattern = "/calendar/{token}.ics";

    public static string UrlFor(HttpRequest request, string token)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host}{request.PathBase}/calendar/{token}.ics";
    }

    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet(Pattern, GetAsync).AllowAnonymous().WithName("CalendarFeed");
        return app;
    }

    private static async Task<IResult> GetAsync(
        string token, HttpContext http, CalendarFeedService feeds, ClinicSettingsService settings, TimeProvider clock, CancellationToken cancellationToken)
    {
        var events = await feeds.GetEventsForTokenAsync(token, cancellationToken);
        if (events is null)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers["X-Robots-Tag"] = "noindex";
        var clinic = await settings.GetAsync(cancellationToken);
        return Results.Text(CalendarFeedWriter.Write(events, $"{clinic.ClinicName} appointments", clock.GetUtcNow()), CalendarFeedWriter.ContentType);
    }
}
