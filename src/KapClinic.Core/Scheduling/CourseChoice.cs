using KapClinic.Core.Courses;

namespace KapClinic.Core.Scheduling;

/// <summary>An open course a booking can belong to.</summary>
public sealed record CourseChoice(Guid Id, string ProtocolName, CourseStatus Status, DateOnly StartDate, int MinimumMonitoringMinutes)
{
    public int DosingMinutes => AppointmentDurations.DosingMinutes(MinimumMonitoringMinutes);
}
