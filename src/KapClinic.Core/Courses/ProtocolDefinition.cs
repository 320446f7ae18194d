namespace KapClinic.Core.Courses;

/// <summary>The editable fields of a protocol, as one value.</summary>
public sealed record ProtocolDefinition(
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
    int VitalsIntervalMinutes);
