namespace KapClinic.Web.Infrastructure.Web;

/// <summary>
/// A request the client abandoned (closed tab, dropped connection) ends its work with an OperationCanceledException or
/// an IOException. That is not a server fault, so the request log records it as status 499 at Information level, not as
/// an error 500 with a stack trace. Without this, every abandoned request looks like an outage in the logs.
/// Any other exception, or an exception after which the client is still there, passes on to the exception handler.
/// </summary>
public sealed class ClientAbortMiddleware(RequestDelegate next)
{
    public const int ClientClosedRequest = 499;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException && context.RequestAborted.IsCancellationRequested)
        {
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = ClientClosedRequest;
            }
        }
    }
}
