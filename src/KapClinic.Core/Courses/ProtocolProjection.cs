using System.Linq.Expressions;

namespace KapClinic.Core.Courses;

/// <summary>The one projection of a protocol to its list item, translated to SQL wherever it is used.</summary>
public static class ProtocolProjection
{
    public static Expression<Func<Protocol, ProtocolListItem>> ListItem { get; } = p => new ProtocolListItem(
        p.Id, p.Name, p.Drug, p.Route, p.DoseUnit, p.DoseMin, p.DoseMax, p.PlannedPreparationSessions,
        p.PlannedDosingSessions, p.PlannedIntegrationSessions, p.MinimumMonitoringMinutes, p.VitalsIntervalMinutes, p.IsActive);
}
