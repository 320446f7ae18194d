using KapClinic.Core.Dosing;
using KapClinic.Core.Notes;

namespace KapClinic.Core.Demo;

/// <summary>
/// One demo dosing session as it happened, in minutes from the first dose: the doses, the readings, any adverse
/// event, a prescriber's override reason for a hold, and the discharge (none: the session is still running).
/// </summary>
internal sealed record DemoDosingPlan(DateTimeOffset StartedAt, NoteSigner Monitor, decimal WeightKg, VitalSigns PreDose, IReadOnlyList<DemoDosingPlan.Dose> Doses)
{
    /// <summary>Identity, checklist, C-SSRS and vitals take the first minutes; then the dose.</summary>
    public const int DoseAfterStartMinutes = 10;

    public IReadOnlyList<Reading> Readings { get; init; } = [];

    public IReadOnlyList<Event> Events { get; init; } = [];

    public string Intention { get; init; } = "To be present with whatever comes.";

    public int Mood { get; init; } = 5;

    public string? OverrideReason { get; init; }

    public int? DischargeMinute { get; init; }

    public int? ReadyToLeaveMinute { get; init; }

    public string? Account { get; init; }

    public DateTimeOffset FirstDoseAt => StartedAt.AddMinutes(DoseAfterStartMinutes);

    public DateTimeOffset At(int minute) => FirstDoseAt.AddMinutes(minute);

    /// <summary>An administration: an IV infusion over <c>InfusionMinutes</c>, a lozenge, or esketamine devices.</summary>
    internal sealed record Dose(
        int Minute, decimal Mg, string Lot, int? InfusionMinutes = null, int? Devices = null,
        decimal? ConcentrationMgPerMl = null, decimal? VolumeMl = null, decimal? RateMlPerHour = null);

    internal sealed record Reading(int Minute, VitalSigns Vitals, int Moaas, Dissociation Dissociation, Nausea Nausea, string? Comment);

    internal sealed record Event(AdverseEventType Type, AdverseEventSeverity Severity, int OnsetMinute, string ActionTaken, int? ResolvedMinute);
}
