namespace KapClinic.Core.Scheduling;

/// <summary>An open treatment course an appointment may belong to, with what its protocol says about dosing length.</summary>
public sealed record BookableCourse(Guid Id, string ProtocolName, int MinimumMonitoringMinutes)
{
    public int DosingMinutes => AppointmentDurations.DosingMinutes(MinimumMonitoringMinutes);
}
