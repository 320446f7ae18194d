using KapClinic.Core.Scheduling;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Schedule;

/// <summary>The week view: one row per room or clinician, one column per day (Monday to Sunday), compact cells.</summary>
public sealed class WeekModel(CalendarQueries calendar, ClinicTime clinicTime) : PageModel
{
    public CalendarWeek Week { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public string By => ScheduleDates.By(Week.Grouping);

    public async Task OnGetAsync(DateOnly? date, string? by, CancellationToken cancellationToken)
    {
        Today = DateOnly.FromDateTime((await clinicTime.NowAsync()).DateTime);
        var start = ScheduleDates.WeekStart(ScheduleDates.DayOrToday(date, Today));
        Week = await calendar.WeekAsync(start, ScheduleDates.Grouping(by), cancellationToken);
    }

    public string WeekUrl(DateOnly day, string? by = null) => $"/Schedule/Week?date={ScheduleDates.Iso(day)}&by={by ?? By}";

    public string DayUrl(DateOnly day) => $"/Schedule?date={ScheduleDates.Iso(day)}&by={By}";
}
