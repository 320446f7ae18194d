using KapClinic.Core.Courses;

namespace KapClinic.Core.Scheduling;

/// <summary>A course to plan: its patient and protocol, and the appointments it already has (not cancelled).</summary>
public sealed record CoursePlanContext(CourseDetails Course, IReadOnlyList<CourseAppointment> Booked)
{
    public bool IsOpen => Course.Status is CourseStatus.Planned or CourseStatus.Active;

    public int BookedOf(AppointmentType type) => Booked.Count(a => a.Type == type && a.Status != AppointmentStatus.NoShow);

    public int PreparationToBook => Math.Max(0, Course.Protocol.PlannedPreparationSessions - BookedOf(AppointmentType.Preparation));

    public int DosingToBook => Math.Max(0, Course.Protocol.PlannedDosingSessions - BookedOf(AppointmentType.Dosing));

    public int IntegrationToBook => Math.Max(0, Course.Protocol.PlannedIntegrationSessions - BookedOf(AppointmentType.Integration));

    public int SessionsToBook => PreparationToBook + DosingToBook + IntegrationToBook;

    public int DosingMinutes => AppointmentDurations.DosingMinutes(Course.Protocol.MinimumMonitoringMinutes);
}
