using System.Security.Claims;
using KapClinic.Core.Common;
using KapClinic.Core.Scheduling;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Schedule;

/// <summary>A clinician's own iCal feed: create or replace its secret URL (shown once), or revoke it.</summary>
public sealed class FeedModel(CalendarFeedService feeds, ClinicTime clinicTime) : PageModel
{
    public DateTimeOffset? ActiveSince { get; private set; }

    /// <summary>Set only in the response to creating a feed: the URL is never stored and never shown again.</summary>
    public string? NewUrl { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        ActiveSince = await feeds.ActiveSinceAsync(UserId, cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        try
        {
            var token = await feeds.CreateOrRotateAsync(UserId, cancellationToken);
            NewUrl = CalendarFeedEndpoint.UrlFor(Request, token);
            Response.Headers.CacheControl = "no-store";
        }
        catch (Exception ex) when (ex is RuleViolationException or ConcurrencyConflictException)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
        }

        ActiveSince = await feeds.ActiveSinceAsync(UserId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken cancellationToken)
    {
        var revoked = await feeds.RevokeAsync(UserId, cancellationToken);
        TempData["Status"] = revoked ? "Your calendar feed is revoked: its URL no longer works." : "You had no calendar feed to revoke.";
        return RedirectToPage();
    }

    public Task<string> FormatAsync(DateTimeOffset instant) => clinicTime.FormatAsync(instant);

    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
