using KapClinic.Core.Auditing;
using KapClinic.Core.Common;
using KapClinic.Core.Courses;
using KapClinic.Core.Notes;

namespace KapClinic.Core.Dosing;

/// <summary>
/// One administration in a dosing session (the first dose, a bolus, a second lozenge): a child row of the session,
/// part of its signed content. mg/kg is kept as computed at the time from the weight of the day.
/// </summary>
public sealed class DoseAdministration : IAuditable
{
    /// <summary>One esketamine nasal device holds 28 mg (56 mg = 2 devices, 84 mg = 3).</summary>
    public const decimal EsketamineMgPerDevice = 28m;
    public const int LotNumberMaxLength = 40;

    private DoseAdministration()
    {
        LotNumber = string.Empty;
    }

    internal DoseAdministration(DosingSession session, int sequence, DoseDetails dose, DateTimeOffset now)
        : this()
    {
        if (dose.DoseMg <= 0 || dose.DoseMg > 2000)
        {
            throw new RuleViolationException("DoseMg", "The dose must be more than 0 mg (and at most 2000 mg).");
        }

        if (string.IsNullOrWhiteSpace(dose.LotNumber))
        {
            throw new RuleViolationException("LotNumber", "Enter the lot number of the product given.");
        }

        if (!Enum.IsDefined(dose.Route))
        {
            throw new RuleViolationException("Route", "Choose the route.");
        }

        if (dose.Drug == DrugKind.Esketamine)
        {
            if (dose.DeviceCount is not (>= 1 and <= 3))
            {
                throw new RuleViolationException("DeviceCount", "Enter the number of esketamine devices used (1-3).");
            }

            if (dose.DoseMg != dose.DeviceCount * EsketamineMgPerDevice)
            {
                throw new RuleViolationException("DoseMg", $"{dose.DeviceCount} devices of 28 mg give {dose.DeviceCount * EsketamineMgPerDevice:0} mg, not {dose.DoseMg:0.##} mg.");
            }
        }

        if (dose.InfusionEndAt is { } end && end <= dose.AdministeredAt)
        {
            throw new RuleViolationException("InfusionEndAt", "The infusion must end after it started.");
        }

        if (dose.ConcentrationMgPerMl is <= 0 || dose.VolumeMl is <= 0 || dose.InfusionRateMlPerHour is <= 0)
        {
            throw new RuleViolationException("Concentration, volume and rate must be more than 0 when given.");
        }

        Id = Guid.CreateVersion7(now);
        NoteId = session.Id;
        PatientId = session.PatientId;
        Sequence = sequence;
        Drug = dose.Drug;
        Route = dose.Route;
        DoseMg = dose.DoseMg;
        WeightKg = session.WeightKg;
        MgPerKg = DosingGates.MgPerKg(dose.DoseMg, session.WeightKg);
        ConcentrationMgPerMl = dose.ConcentrationMgPerMl;
        VolumeMl = dose.VolumeMl;
        AdministeredAt = NoteTime.ToStored(dose.AdministeredAt);
        IsInfusion = dose.Route == AdministrationRoute.Intravenous;
        InfusionEndAt = dose.InfusionEndAt is { } e ? NoteTime.ToStored(e) : null;
        InfusionRateMlPerHour = dose.InfusionRateMlPerHour;
        DeviceCount = dose.DeviceCount;
        LotNumber = dose.LotNumber.Trim();
        LotId = dose.LotId;
        GivenById = dose.GivenById;
        PrescriberId = dose.PrescriberId;
        RecordedAt = NoteTime.ToStored(now);
    }

    public Guid Id { get; private set; }

    public Guid NoteId { get; private set; }

    public Guid PatientId { get; private set; }

    /// <summary>1 for the session's first administration, then 2, 3 ...</summary>
    public int Sequence { get; private set; }

    public DrugKind Drug { get; private set; }

    public AdministrationRoute Route { get; private set; }

    public decimal DoseMg { get; private set; }

    public decimal? WeightKg { get; private set; }

    public decimal? MgPerKg { get; private set; }

    public decimal? ConcentrationMgPerMl { get; private set; }

    public decimal? VolumeMl { get; private set; }

    /// <summary>When the dose was given; for an infusion, when it started; for esketamine, the first device.</summary>
    public DateTimeOffset AdministeredAt { get; private set; }

    public bool IsInfusion { get; private set; }

    public DateTimeOffset? InfusionEndAt { get; private set; }

    public decimal? InfusionRateMlPerHour { get; private set; }

    public int? DeviceCount { get; private set; }

    /// <summary>The lot given from (free text until the inventory records lots).</summary>
    public string LotNumber { get; private set; }

    /// <summary>The inventory lot, when chosen from stock (its ledger entry is written in the same transaction).</summary>
    public Guid? LotId { get; private set; }

    public Guid GivenById { get; private set; }

    public Guid PrescriberId { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public bool IsInfusionRunning => IsInfusion && InfusionEndAt is null;

    /// <summary>When this dose was over: the infusion's end, or the moment it was given.</summary>
    public DateTimeOffset DoseEndAt => InfusionEndAt ?? AdministeredAt;

    public string AuditEntityType => "DoseAdministration";

    public Guid AuditEntityId => Id;

    public Guid? AuditPatientId => PatientId;

    internal void EndInfusion(DateTimeOffset endAt, decimal? rateMlPerHour)
    {
        if (!IsInfusion)
        {
            throw new RuleViolationException("Only an IV infusion has an end time.");
        }

        if (InfusionEndAt is not null)
        {
            throw new RuleViolationException("The infusion's end is already recorded.");
        }

        if (endAt <= AdministeredAt)
        {
            throw new RuleViolationException("InfusionEndAt", "The infusion must end after it started.");
        }

        if (rateMlPerHour is <= 0)
        {
            throw new RuleViolationException("InfusionRateMlPerHour", "The rate must be more than 0 mL/h.");
        }

        InfusionEndAt = NoteTime.ToStored(endAt);
        InfusionRateMlPerHour = rateMlPerHour ?? InfusionRateMlPerHour;
    }

    internal void WriteContent(NoteContent content, int index)
    {
        var prefix = $"dose.admin.{index:D2}";
        content.Add($"{prefix}.id", Id)
            .Add($"{prefix}.what", $"{Drug} {Route} {DosingSession.Number(DoseMg)} mg")
            .Add($"{prefix}.weightKg", DosingSession.Number(WeightKg))
            .Add($"{prefix}.preparation", $"{DosingSession.Number(ConcentrationMgPerMl)} mg/mL {DosingSession.Number(VolumeMl)} mL {DosingSession.Number(InfusionRateMlPerHour)} mL/h {DeviceCount}")
            .Add($"{prefix}.at", AdministeredAt)
            .Add($"{prefix}.infusionEnd", InfusionEndAt)
            .Add($"{prefix}.lot", LotNumber)
            .Add($"{prefix}.lotId", LotId)
            .Add($"{prefix}.givenBy", GivenById)
            .Add($"{prefix}.prescriber", PrescriberId);
    }
}
