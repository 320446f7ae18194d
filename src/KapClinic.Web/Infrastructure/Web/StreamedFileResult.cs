using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace KapClinic.Web.Infrastructure.Web;

/// <summary>
/// A download written straight to the response as it is produced (an export streams its rows), never cached by the
/// browser or a proxy. The writer gets the request's abort token, so an abandoned download stops the query.
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
        await write(response.Body, context.HttpContext.RequestAborted);
    }
}
