namespace KapClinic.Core.Courses;

/// <summary>A protocol as lists and pickers show it.</summary>
public sealed record ProtocolListItem(
    Guid Id,
    string Name,
    DrugKind Drug,
    AdministrationRoute Route,
    DoseUnit DoseUnit,
    decimal DoseMin,
    decimal DoseMax,
    int PlannedPreparationSessions,
    int PlannedDosingSessions,
    int PlannedIntegrationSessions,
    int MinimumMonitoringMinutes,
    int VitalsIntervalMinutes,
    bool IsActive)
{
    public string DoseRangeText => ProtocolText.DoseRange(DoseUnit, DoseMin, DoseMax);

    public string CountsText =>
        $"{PlannedPreparationSessions} preparation · {PlannedDosingSessions} dosing · {PlannedIntegrationSessions} integration";

    public string DrugAndRouteText => $"{ProtocolText.Drug(Drug)}, {ProtocolText.Route(Route)}";
}
