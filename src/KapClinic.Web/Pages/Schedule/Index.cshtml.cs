using KapClinic.Core.Scheduling;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Schedule;

/// <summary>The day view: a grid of half-hour rows by room or by clinician.</summary>
public sealed class IndexModel(CalendarQueries calendar, ClinicTime clinicTime) : PageModel
{
    public CalendarDay Day { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public string By => ScheduleDates.By(Day.Grouping);

    public async Task<IActionResult> OnGetAsync(DateOnly? date, string? by, CancellationToken cancellationToken)
    {
        if (date is null && by is null && ScheduleText.IsClinicianOnly(User))
        {
            return RedirectToPage("MyDay");
        }

        Today = DateOnly.FromDateTime((await clinicTime.NowAsync()).DateTime);
        Day = await calendar.DayAsync(ScheduleDates.DayOrToday(date, Today), ScheduleDates.Grouping(by), cancellationToken);
        return Page();
    }

    public string DayUrl(DateOnly day, string? by = null) => $"/Schedule?date={ScheduleDates.Iso(day)}&by={by ?? By}";
}
