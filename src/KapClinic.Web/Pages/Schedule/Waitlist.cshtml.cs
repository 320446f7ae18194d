using KapClinic.Core.Common;
using KapClinic.Core.Scheduling;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Schedule;

/// <summary>Patients waiting for a dosing slot, oldest first. Booking from it lives on the booking page.</summary>
public sealed class WaitlistModel(WaitlistQueries waitlist, WaitlistRemoval removal, ClinicTime clinicTime) : PageModel
{
    public IReadOnlyList<WaitlistItem> Entries { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRemoveAsync(Guid entryId, CancellationToken cancellationToken)
    {
        try
        {
            await removal.RemoveAsync(entryId, cancellationToken);
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData["Status"] = "The patient is off the waitlist.";
        return RedirectToPage();
    }

    public async Task<string> WaitingSinceAsync(WaitlistItem item)
    {
        var days = (int)(Now - item.AddedAt).TotalDays;
        var since = await clinicTime.FormatAsync(item.AddedAt, "d MMM yyyy");
        return days switch
        {
            0 => $"{since} (today)",
            1 => $"{since} (1 day)",
            _ => $"{since} ({days} days)",
        };
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Now = await clinicTime.NowAsync();
        Entries = await waitlist.ListWaitingAsync(cancellationToken);
    }
}
