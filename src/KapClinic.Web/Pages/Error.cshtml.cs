using System.Data.Common;
using KapClinic.Core.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages;

/// <summary>
/// Shown for any unhandled fault, in every environment: a plain message and the correlation id, never the
/// exception. A database outage answers 503 so clients and probes know to retry.
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
// These pages are re-executed for a failed request with its original method; a POST that failed must still
// get its error page, so they skip antiforgery. They only render a message and change nothing.
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public string CorrelationId { get; private set; } = string.Empty;

    public bool DatabaseUnavailable { get; private set; }

    public bool RecordNotFound { get; private set; }

    public void OnGet() => Describe();

    public void OnPost() => Describe();

    private void Describe()
    {
        CorrelationId = HttpContext.TraceIdentifier;
        var error = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        DatabaseUnavailable = IsDatabaseFault(error);
        if (error is NotFoundException)
        {
            // Normally turned into a 404 by NotFoundFilter before it gets here; kept for faults outside pages.
            RecordNotFound = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        else if (error is not null)
        {
            Response.StatusCode = DatabaseUnavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
            logger.LogError("Request failed ({ErrorType}); correlation id {CorrelationId}", error.GetType().Name, CorrelationId);
        }
    }

    // Anywhere in the chain: EF's retry wrapper, or Data Protection failing to read its keys from the database.
    private static bool IsDatabaseFault(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is DbException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }
}
