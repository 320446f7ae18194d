using KapClinic.Core.Scheduling;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Schedule;

/// <summary>The front desk's board: every appointment today, who is where, status, late arrivals.</summary>
public sealed class TodayModel(CalendarQueries calendar, ClinicTime clinicTime) : PageModel
{
    public TodayBoard Board { get; private set; } = null!;

    /// <summary>The board's "now" on the clinic's clock.</summary>
    public DateTimeOffset LocalNow { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Board = await calendar.TodayBoardAsync(cancellationToken);
        LocalNow = await clinicTime.ToClinicTimeAsync(Board.Now);
    }
}
