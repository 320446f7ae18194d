using System.Security.Claims;
using KapClinic.Core.Data.Idempotency;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace KapClinic.Web.Infrastructure.Idempotency;

/// <summary>
/// Applies a signed-in user's form post once per <see cref="IdempotencyKeyTagHelper"/> key. Before the handler: a key
/// this user already spent answers "already saved" at once (a double click, a retry after a lost answer). During the
/// handler: the key is written with the first write (<see cref="IdempotencyInterceptor"/>), so a concurrent duplicate
/// fails there and is answered the same way. After it: where the answer sent the user is recorded, so a duplicate
/// lands on the same page. Keys are scoped by user: another user's key is just a new key for them (and reveals
/// nothing of the first user's submission). Posts without a key, and anonymous ones (sign-in), are unaffected.
/// </summary>
public sealed class IdempotencyFilter(IdempotencyClaim claim, IdempotencyKeys keys, ITempDataDictionaryFactory tempData)
    : IAsyncPageFilter, IAsyncResultFilter
{
    public const string AlreadySavedMessage = "This form was already submitted; it was saved once.";

    // The first submission records its answer's location just after it commits; a concurrent duplicate waits this long for it.
    private static readonly TimeSpan LocationPatience = TimeSpan.FromSeconds(3);

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (await ReadKeyAsync(http) is not var (userId, key))
        {
            await next();
            return;
        }

        if (await keys.FindAsync(userId, key, http.RequestAborted) is not null)
        {
            context.Result = await ReplayAsync(http, userId, key);
            return;
        }

        claim.Begin(userId, key, PagePath(http));
        var executed = await next();
        if (executed.Exception is { } error && !executed.ExceptionHandled && DuplicateSubmissionException.IsIn(error))
        {
            executed.Result = await ReplayAsync(http, userId, key);
            executed.ExceptionHandled = true;
        }
    }

    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        await next();
        if (!claim.Committed)
        {
            return;
        }

        // Recorded even if the client has gone: its retry is exactly the duplicate this is for.
        var response = context.HttpContext.Response;
        if (response.StatusCode is >= 300 and < 400 && response.Headers.Location.ToString() is { Length: > 0 } location && IsLocal(location))
        {
            await keys.CompleteAsync(claim.UserId, claim.Key, location, CancellationToken.None);
        }
        else if (response.StatusCode is >= 200 and < 300 && response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) != true)
        {
            // A download leaves the page, and its form with this key, in place: pressing it again is a new request.
            await keys.ReleaseAsync(claim.UserId, claim.Key, CancellationToken.None);
        }
        else
        {
            await keys.CompleteAsync(claim.UserId, claim.Key, PagePath(context.HttpContext), CancellationToken.None);
        }
    }

    private async Task<IActionResult> ReplayAsync(HttpContext http, Guid userId, Guid key)
    {
        var location = await keys.LocationAsync(userId, key, LocationPatience, CancellationToken.None);
        tempData.GetTempData(http)["Status"] = AlreadySavedMessage;
        return new LocalRedirectResult(location is not null && IsLocal(location) ? location : PagePath(http));
    }

    private static async Task<(Guid UserId, Guid Key)?> ReadKeyAsync(HttpContext http)
    {
        // The error pages re-run a failed post: they show the fault, never a replay.
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.HasFormContentType
            || http.Features.Get<IExceptionHandlerFeature>() is not null || http.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || !Guid.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return null;
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        return Guid.TryParse(form[IdempotencyKeyTagHelper.FieldName].ToString(), out var key) && key != Guid.Empty ? (userId, key) : null;
    }

    // The page itself, without the handler's query: a GET of it shows the page.
    private static string PagePath(HttpContext http) => (http.Request.PathBase + http.Request.Path).ToUriComponent();

    private static bool IsLocal(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
