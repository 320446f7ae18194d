namespace KapClinic.Core.Scheduling;

/// <summary>A line of the today board; <see cref="LateBy"/> is set when the patient has not checked in 10 minutes after the start.</summary>
public sealed record TodayBoardItem(CalendarAppointment Appointment, TimeSpan? LateBy)
{
    public bool IsLate => LateBy is not null;
}
