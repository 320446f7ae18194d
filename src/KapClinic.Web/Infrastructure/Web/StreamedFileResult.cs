using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace KapClinic.Web.Infrastructure.Web;

/// <summary>
/// A download written straight to the response as it is produced (an export streams its rows), never cached by the
/// browser or a proxy. The writer gets the request's abort token, so an abandoned download stops the query. The
/// response starts with the first 64 KB (<see cref="DeferredStartStream"/>): a query that fails to run gets the error
/// page, not a download cut after its headers.
/// </summary>
public sealed class StreamedFileResult(string contentType, string fileName, Func<Stream, CancellationToken, Task> write) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.ContentType = contentType;
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName }.ToString();
        response.Headers.CacheControl = "no-store";
        await using var body = new DeferredStartStream(response.Body);
        await write(body, context.HttpContext.RequestAborted);
        await body.CompleteAsync(context.HttpContext.RequestAborted);
    }
}
