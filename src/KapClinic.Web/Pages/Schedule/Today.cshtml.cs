using KapClinic.Core.Scheduling;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Schedule;

/// <summary>The front desk's board: every appointment today, who is where, status, late arrivals.</summary>
public sealed class TodayModel(CalendarQueries calendar) : PageModel
{
    public TodayBoard Board { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Board = await calendar.TodayBoardAsync(cancellationToken);
}
