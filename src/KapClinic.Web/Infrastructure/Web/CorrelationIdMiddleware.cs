using System.Diagnostics;
using Serilog.Context;

namespace KapClinic.Web.Infrastructure.Web;

/// <summary>
/// Gives every request a correlation id (the W3C trace id), returns it in a header, puts it on every log
/// line of the request and on the error page, so a user's report can be matched to the logs.
/// </summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-Correlation-ID";

    public async Task InvokeAsync(HttpContext context)
    {
        var correlationId = Activity.Current?.TraceId.ToHexString() ?? ActivityTraceId.CreateRandom().ToHexString();
        context.TraceIdentifier = correlationId;
        // On starting, not now: the exception handler clears headers set earlier.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = correlationId;
            return Task.CompletedTask;
        });
        using (LogContext.PushProperty("CorrelationId", correlationId))
        {
            await next(context);
        }
    }
}
