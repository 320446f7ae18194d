using KapClinic.Core.Common;
using KapClinic.Core.Dosing;
using Microsoft.AspNetCore.Mvc;

namespace KapClinic.Web.Pages.Patients.Dosing;

/// <summary>The session page's adverse events: record one, mark an open one resolved (with the version it was shown at).</summary>
public sealed partial class DetailsModel
{
    [BindProperty]
    public AdverseEventInput Event { get; set; } = new();

    [BindProperty]
    public ResolveEventInput Resolve { get; set; } = new();

    /// <summary>The add-event form starts open when it was just posted with a problem.</summary>
    public bool EventFormOpen => Request.Method == HttpMethods.Post && ModelState.Any(e => e.Key.StartsWith(nameof(Event), StringComparison.Ordinal) && e.Value?.Errors.Count > 0);

    public async Task<IActionResult> OnPostEventAsync(Guid id, Guid sessionId, CancellationToken cancellationToken)
    {
        if (!await IsValidAsync(eventValidator, Event, nameof(Event), cancellationToken))
        {
            return await ShowAsync(id, sessionId, cancellationToken);
        }

        try
        {
            await monitoring.AddAdverseEventAsync(id, sessionId, Event, ActingUserId, cancellationToken);
        }
        catch (RuleViolationException ex)
        {
            AddFormError(ex, nameof(Event));
            return await ShowAsync(id, sessionId, cancellationToken);
        }

        TempData["Status"] = "Adverse event recorded.";
        return Redirect($"/Patients/{id}/Dosing/{sessionId}#events");
    }

    public async Task<IActionResult> OnPostResolveAsync(Guid id, Guid sessionId, CancellationToken cancellationToken)
    {
        if (!await IsValidAsync(resolveValidator, Resolve, nameof(Resolve), cancellationToken))
        {
            return await ShowAsync(id, sessionId, cancellationToken);
        }

        try
        {
            await monitoring.ResolveAdverseEventAsync(id, sessionId, Resolve.EventId!.Value, Resolve.ResolvedAt, Resolve.Version, cancellationToken);
        }
        catch (RuleViolationException ex)
        {
            AddFormError(ex, nameof(Resolve));
            return await ShowAsync(id, sessionId, cancellationToken);
        }
        catch (ConcurrencyConflictException ex)
        {
            ModelState.AddModelError(nameof(Resolve), ex.Message);
            return await ShowAsync(id, sessionId, cancellationToken);
        }

        TempData["Status"] = "Adverse event marked resolved.";
        return Redirect($"/Patients/{id}/Dosing/{sessionId}#events");
    }
}
