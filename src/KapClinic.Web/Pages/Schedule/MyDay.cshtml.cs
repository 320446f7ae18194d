using System.Security.Claims;
using KapClinic.Core.Scheduling;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Schedule;

/// <summary>The signed-in clinician's own day: what they see, and what they cover as prescriber.</summary>
public sealed class MyDayModel(CalendarQueries calendar, ClinicTime clinicTime) : PageModel
{
    public ClinicianDay Day { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public Guid UserId { get; private set; }

    public async Task OnGetAsync(DateOnly? date, CancellationToken cancellationToken)
    {
        UserId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        Today = DateOnly.FromDateTime((await clinicTime.NowAsync()).DateTime);
        Day = await calendar.ClinicianDayAsync(UserId, ScheduleDates.DayOrToday(date, Today), cancellationToken);
    }

    public static string DayUrl(DateOnly day) => $"/Schedule/MyDay?date={ScheduleDates.Iso(day)}";
}
