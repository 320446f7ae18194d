namespace KapClinic.Core.Reports.DosingLog;

/// <summary>
/// One dose administration with its session's safety record. Vitals, adverse events and monitoring minutes belong to
/// the session (from the first dose to discharge), so a session with two administrations shows them on both rows.
/// <see cref="AdverseEventDetails"/> and <see cref="OverrideReasons"/> are null unless the requester may see clinical text.
/// </summary>
public sealed record DosingLogRow
{
    public required DateTimeOffset AdministeredAt { get; init; }

    public required string Mrn { get; init; }

    public required string Initials { get; init; }

    public required string Drug { get; init; }

    public required string Route { get; init; }

    public required decimal DoseMg { get; init; }

    public decimal? MgPerKg { get; init; }

    public required string LotNumber { get; init; }

    public int? PreDoseSystolic { get; init; }

    public int? PreDoseDiastolic { get; init; }

    public int? PeakSystolic { get; init; }

    public int? PeakDiastolic { get; init; }

    public int? LowestSpO2 { get; init; }

    public required int AdverseEvents { get; init; }

    /// <summary>The events' severities in onset order ("Mild, Serious").</summary>
    public string? AdverseEventSeverities { get; init; }

    public string? AdverseEventDetails { get; init; }

    public int? MonitoringMinutes { get; init; }

    public required int Overrides { get; init; }

    /// <summary>The overridden gates in order, as stored (enum names).</summary>
    public required IReadOnlyList<string> OverriddenGates { get; init; }

    public string? OverrideReasons { get; init; }
}
