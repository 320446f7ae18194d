namespace KapClinic.Core.Scheduling;

/// <summary>A clinician's weekly hours (Monday first) and their time off from a month ago on.</summary>
public sealed record ClinicianHoursView(Guid ClinicianId, string Name, IReadOnlyList<WorkingHoursRow> Hours, IReadOnlyList<TimeOffRow> TimeOff)
{
    public bool UsesDefaultHours => Hours.Count == 0;
}
