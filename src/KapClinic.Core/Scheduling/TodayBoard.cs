namespace KapClinic.Core.Scheduling;

/// <summary>Every appointment today in clinic time, for the front desk: who is where, their status, who is late.</summary>
public sealed record TodayBoard(ClinicDayWindow Window, DateTimeOffset Now, string TimeZoneId, IReadOnlyList<TodayBoardItem> Items)
{
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(10);

    public DateOnly Day => Window.Day;

    public int LateCount => Items.Count(i => i.IsLate);

    public int InClinicCount => Items.Count(i => i.Appointment.Status is AppointmentStatus.CheckedIn or AppointmentStatus.InProgress);
}
