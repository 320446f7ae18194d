using KapClinic.Core.Auditing;

namespace KapClinic.Core.Courses;

/// <summary>
/// An Admin-managed treatment template: drug, route, dose range, planned session counts and monitoring. Courses
/// follow one. Retired rather than deleted, since courses refer to it.
/// </summary>
public sealed class Protocol : IAuditable
{
    public const int NameMaxLength = 100;

    private Protocol()
    {
        Name = string.Empty;
    }

    public Protocol(Guid id, ProtocolDefinition definition)
        : this()
    {
        Id = id;
        IsActive = true;
        Update(definition);
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public DrugKind Drug { get; private set; }

    public AdministrationRoute Route { get; private set; }

    public DoseUnit DoseUnit { get; private set; }

    public decimal DoseMin { get; private set; }

    public decimal DoseMax { get; private set; }

    public int PlannedPreparationSessions { get; private set; }

    public int PlannedDosingSessions { get; private set; }

    public int PlannedIntegrationSessions { get; private set; }

    public int MinimumMonitoringMinutes { get; private set; }

    public int VitalsIntervalMinutes { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>Concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; private set; }

    public int PlannedSessions => PlannedPreparationSessions + PlannedDosingSessions + PlannedIntegrationSessions;

    public string DoseRangeText => DoseUnit == DoseUnit.MgPerKg ? $"{DoseMin:0.##}-{DoseMax:0.##} mg/kg" : $"{DoseMin:0.##}-{DoseMax:0.##} mg";

    public string AuditEntityType => "Protocol";

    public Guid AuditEntityId => Id;

    public void Update(ProtocolDefinition definition)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(definition.Name);
        if (definition.DoseMin <= 0 || definition.DoseMax < definition.DoseMin)
        {
            throw new ArgumentException("The dose range must be positive, with the minimum not above the maximum.", nameof(definition));
        }

        Name = definition.Name.Trim();
        Drug = definition.Drug;
        Route = definition.Route;
        DoseUnit = definition.DoseUnit;
        DoseMin = definition.DoseMin;
        DoseMax = definition.DoseMax;
        PlannedPreparationSessions = definition.PlannedPreparationSessions;
        PlannedDosingSessions = definition.PlannedDosingSessions;
        PlannedIntegrationSessions = definition.PlannedIntegrationSessions;
        MinimumMonitoringMinutes = definition.MinimumMonitoringMinutes;
        VitalsIntervalMinutes = definition.VitalsIntervalMinutes;
    }

    public void Retire() => IsActive = false;

    public void Reactivate() => IsActive = true;

    public ProtocolDefinition ToDefinition() => new(
        Name, Drug, Route, DoseUnit, DoseMin, DoseMax, PlannedPreparationSessions, PlannedDosingSessions,
        PlannedIntegrationSessions, MinimumMonitoringMinutes, VitalsIntervalMinutes);
}
