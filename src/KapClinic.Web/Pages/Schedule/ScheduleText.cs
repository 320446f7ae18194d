using System.Globalization;
using System.Security.Claims;
using KapClinic.Core.Scheduling;
using KapClinic.Core.Users;

namespace KapClinic.Web.Pages.Schedule;

/// <summary>How the schedule pages word and colour appointments, and who may do what there.</summary>
public static class ScheduleText
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-US");

    /// <summary>The other scheduling pages (booking, rooms, hours) live under these routes.</summary>
    public const string AppointmentsPath = "/Schedule/Appointments";

    public static string AppointmentUrl(Guid id) => $"{AppointmentsPath}/{id}";

    public static string Status(AppointmentStatus status) => status switch
    {
        AppointmentStatus.CheckedIn => "Checked in",
        AppointmentStatus.InProgress => "In progress",
        AppointmentStatus.NoShow => "No-show",
        _ => status.ToString(),
    };

    public static string StatusBadge(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Booked => "text-bg-light border",
        AppointmentStatus.CheckedIn => "text-bg-info",
        AppointmentStatus.InProgress => "text-bg-primary",
        AppointmentStatus.Completed => "text-bg-success",
        AppointmentStatus.Cancelled => "text-bg-secondary",
        _ => "text-bg-dark",
    };

    public static string TypeClass(AppointmentType type) => $"schedule-type-{type.ToString().ToLowerInvariant()}";

    public static string LongDate(DateOnly day) => day.ToString("dddd d MMMM yyyy", Culture);

    public static string ShortDate(DateOnly day) => day.ToString("ddd d MMM", Culture);

    public static string Time(DateTimeOffset local) => local.ToString("HH:mm", Culture);

    /// <summary>"UTC−05:00": shown beside times on a daylight-saving change day, where 01:30 can happen twice.</summary>
    public static string Offset(DateTimeOffset local) =>
        "UTC" + (local.Offset < TimeSpan.Zero ? "−" : "+") + local.Offset.Duration().ToString(@"hh\:mm", Culture);

    public static string DayLengthNote(TimeSpan length) => length < TimeSpan.FromHours(24)
        ? $"The clocks go forward today: this day has {length.TotalHours:0} hours. Times are shown as the clinic's clocks read them."
        : $"The clocks go back today: this day has {length.TotalHours:0} hours. Times are shown as the clinic's clocks read them.";

    public static bool CanBook(ClaimsPrincipal user) => user.IsInRole(ClinicRoles.Admin) || user.IsInRole(ClinicRoles.Staff);

    /// <summary>
    /// Minimum necessary: the front desk and Admins see every name; a clinician sees the names of their own
    /// patients (as clinician or prescriber) and only the initials of everyone else's on the clinic-wide views.
    /// </summary>
    public static string PatientLabel(ClaimsPrincipal user, CalendarAppointment appointment)
    {
        if (CanBook(user))
        {
            return appointment.PatientName;
        }

        var userId = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;
        return appointment.ClinicianId == userId || appointment.PrescriberId == userId ? appointment.PatientName : appointment.PatientInitials;
    }

    /// <summary>A clinician who does not run the front desk lands on their own day.</summary>
    public static bool IsClinicianOnly(ClaimsPrincipal user) => user.IsInRole(ClinicRoles.Clinician) && !CanBook(user);
}
