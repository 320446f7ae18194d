namespace KapClinic.Core.Courses;

/// <summary>The protocol form. Numbers are nullable so an empty field gets a clear message instead of a zero.</summary>
public sealed class ProtocolInput
{
    public string Name { get; set; } = string.Empty;

    public DrugKind Drug { get; set; }

    public AdministrationRoute Route { get; set; }

    public DoseUnit DoseUnit { get; set; }

    public decimal? DoseMin { get; set; }

    public decimal? DoseMax { get; set; }

    public int? PlannedPreparationSessions { get; set; }

    public int? PlannedDosingSessions { get; set; }

    public int? PlannedIntegrationSessions { get; set; }

    public int? MinimumMonitoringMinutes { get; set; }

    public int? VitalsIntervalMinutes { get; set; }

    /// <summary>The row's concurrency token (xmin) as the form loaded it; unused when creating.</summary>
    public uint Version { get; set; }

    public static ProtocolInput From(ProtocolDefinition definition, uint version) => new()
    {
        Name = definition.Name,
        Drug = definition.Drug,
        Route = definition.Route,
        DoseUnit = definition.DoseUnit,
        DoseMin = definition.DoseMin,
        DoseMax = definition.DoseMax,
        PlannedPreparationSessions = definition.PlannedPreparationSessions,
        PlannedDosingSessions = definition.PlannedDosingSessions,
        PlannedIntegrationSessions = definition.PlannedIntegrationSessions,
        MinimumMonitoringMinutes = definition.MinimumMonitoringMinutes,
        VitalsIntervalMinutes = definition.VitalsIntervalMinutes,
        Version = version,
    };

    /// <summary>The validated values as the domain takes them. Call after validation.</summary>
    public ProtocolDefinition ToDefinition() => new(
        Name.Trim(),
        Drug,
        Route,
        DoseUnit,
        DoseMin ?? throw new InvalidOperationException("Validate first."),
        DoseMax ?? throw new InvalidOperationException("Validate first."),
        PlannedPreparationSessions ?? 0,
        PlannedDosingSessions ?? 0,
        PlannedIntegrationSessions ?? 0,
        MinimumMonitoringMinutes ?? 0,
        VitalsIntervalMinutes ?? 0);
}
