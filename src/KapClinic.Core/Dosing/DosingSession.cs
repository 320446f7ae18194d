using System.Globalization;
using KapClinic.Core.Common;
using KapClinic.Core.Courses;
using KapClinic.Core.Notes;

namespace KapClinic.Core.Dosing;

/// <summary>
/// A dosing session of a course: pre-dose checklist and vitals, the safety gates, dose administrations, the
/// monitoring timeline (readings and adverse events, child rows added one at a time so two clinicians never
/// collide), the discharge assessment, then the signature. A <see cref="ClinicalNote"/> whose author is the
/// monitoring clinician; the database locks it and its child rows once signed. The protocol's dose range and
/// monitoring rules are copied in at the start, so the record reads the same after an Admin edits the protocol.
/// </summary>
public sealed partial class DosingSession : ClinicalNote
{
    public const int ShortTextMaxLength = 200;
    public const int PhoneMaxLength = 40;

    /// <summary>Clocks differ a little between devices: a time up to this far ahead of the server's counts as now.</summary>
    public const int FutureToleranceMinutes = 2;

    private readonly List<DoseAdministration> administrations = [];
    private readonly List<VitalsReading> readings = [];
    private readonly List<AdverseEvent> adverseEvents = [];
    private readonly List<GateOverride> overrides = [];

    private DosingSession()
    {
    }

    public DosingSession(
        Guid patientId, Guid courseId, Guid monitoringClinicianId, Guid prescriberId, Protocol protocol, Guid? appointmentId,
        DateTimeOffset startedAt, DateTimeOffset createdAt)
        : base(NoteKind.DosingSession, patientId, courseId, monitoringClinicianId, startedAt, createdAt)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        if (startedAt > createdAt.AddMinutes(FutureToleranceMinutes))
        {
            throw new RuleViolationException("StartedAt", "A dosing session cannot start in the future.");
        }

        PrescriberId = prescriberId;
        AppointmentId = appointmentId;
        ProtocolId = protocol.Id;
        Drug = protocol.Drug;
        Route = protocol.Route;
        DoseUnit = protocol.DoseUnit;
        DoseMin = protocol.DoseMin;
        DoseMax = protocol.DoseMax;
        MinimumMonitoringMinutes = protocol.MinimumMonitoringMinutes;
        VitalsIntervalMinutes = protocol.VitalsIntervalMinutes;
    }

    /// <summary>The prescriber on site for the session.</summary>
    public Guid PrescriberId { get; private set; }

    /// <summary>The appointment the session was opened from, if any.</summary>
    public Guid? AppointmentId { get; private set; }

    public Guid ProtocolId { get; private set; }

    public DrugKind Drug { get; private set; }

    public AdministrationRoute Route { get; private set; }

    public DoseUnit DoseUnit { get; private set; }

    public decimal DoseMin { get; private set; }

    public decimal DoseMax { get; private set; }

    public int MinimumMonitoringMinutes { get; private set; }

    public int VitalsIntervalMinutes { get; private set; }

    public DateTimeOffset StartedAt => OccurredAt;

    public Guid MonitoringClinicianId => AuthorId;

    public IReadOnlyList<DoseAdministration> Administrations => administrations;

    public IReadOnlyList<VitalsReading> Readings => readings;

    public IReadOnlyList<AdverseEvent> AdverseEvents => adverseEvents;

    public IReadOnlyList<GateOverride> Overrides => overrides;

    public bool IsDosed => administrations.Count > 0;

    public DateTimeOffset? FirstDoseAt => IsDosed ? administrations.Min(a => a.AdministeredAt) : null;

    public decimal TotalDoseMg => administrations.Sum(a => a.DoseMg);

    /// <summary>Ends a running IV infusion at <paramref name="endAt"/> (rate optional).</summary>
    public void EndInfusion(Guid administrationId, DateTimeOffset endAt, decimal? rateMlPerHour, DateTimeOffset now)
    {
        EnsureDraft();
        var administration = administrations.SingleOrDefault(a => a.Id == administrationId)
            ?? throw new NotFoundException("That administration is not part of this session.");
        if (endAt > now.AddMinutes(FutureToleranceMinutes))
        {
            throw new RuleViolationException("InfusionEndAt", "The infusion cannot end in the future.");
        }

        administration.EndInfusion(endAt, rateMlPerHour);
        UpdatedAtNow(now);
    }

    /// <summary>The earliest time the patient may be discharged: the protocol's minimum after the dose (esketamine: from the first device).</summary>
    public DateTimeOffset? EarliestDischargeAt(DosingThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        if (!IsDosed)
        {
            return null;
        }

        if (Drug == DrugKind.Esketamine)
        {
            return FirstDoseAt!.Value.AddMinutes(Math.Max(MinimumMonitoringMinutes, thresholds.EsketamineMinimumMonitoringMinutes));
        }

        return administrations.Any(a => a.IsInfusionRunning)
            ? null
            : administrations.Max(a => a.DoseEndAt).AddMinutes(MinimumMonitoringMinutes);
    }

    /// <summary>The monitoring minutes so far (to discharge, or to <paramref name="now"/>), from the first dose.</summary>
    public int? MonitoringMinutes(DateTimeOffset now) =>
        FirstDoseAt is { } first ? (int)Math.Floor(((DischargedAt ?? now) - first).TotalMinutes) : null;

    /// <summary>
    /// Records the discharge: refused before the minimum monitoring time, without a blood pressure since the dose,
    /// while a measure's latest value is beyond its alert limit, or (esketamine) without "ready to leave".
    /// <paramref name="timeZone"/> (the clinic's) only shows reading times in a refusal.
    /// </summary>
    public void Discharge(DischargeAssessment assessment, DosingThresholds thresholds, DateTimeOffset now, TimeZoneInfo? timeZone = null)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        EnsureDraft();
        EnsureNotClosed("discharge the patient");
        if (!IsDosed)
        {
            throw new RuleViolationException("No dose is recorded: record the dose, or record that it was withheld, before discharge.");
        }

        if (administrations.Any(a => a.IsInfusionRunning))
        {
            throw new RuleViolationException("The IV infusion is still running: record its end first.");
        }

        var earliest = EarliestDischargeAt(thresholds)!.Value;
        if (assessment.DischargedAt < earliest)
        {
            var what = Drug == DrugKind.Esketamine ? "from the first device" : "after the dose ended";
            throw new RuleViolationException(
                "DischargedAt",
                string.Create(CultureInfo.InvariantCulture, $"Discharge is allowed at the earliest {MinutesBetween(earliest)} min {what} (the protocol's minimum monitoring time); keep monitoring until then."));
        }

        if (assessment.DischargedAt > now.AddMinutes(FutureToleranceMinutes))
        {
            throw new RuleViolationException("DischargedAt", "The discharge time cannot be in the future.");
        }

        if (DischargeVitals.Problem(readings, FirstDoseAt!.Value, assessment.DischargedAt, thresholds, timeZone) is { } vitalsProblem)
        {
            throw new RuleViolationException(vitalsProblem);
        }

        var unmet = assessment.Unmet();
        if (unmet.Count > 0)
        {
            throw new RuleViolationException("Every discharge criterion must be met before the patient leaves; not yet: " + string.Join(", ", unmet) + ".");
        }

        if (string.IsNullOrWhiteSpace(assessment.DischargedWith))
        {
            throw new RuleViolationException("DischargedWith", "Enter who the patient left with.");
        }

        if (Drug == DrugKind.Esketamine && assessment.ReadyToLeaveAt is null)
        {
            throw new RuleViolationException("ReadyToLeaveAt", "Enter when the patient was ready to leave: the esketamine REMS form asks for it.");
        }

        if (assessment.ReadyToLeaveAt is { } ready && (ready < FirstDoseAt || ready > assessment.DischargedAt))
        {
            throw new RuleViolationException("ReadyToLeaveAt", "'Ready to leave' must be between the first dose and the discharge.");
        }

        ApplyDischarge(assessment);
        UpdatedAtNow(now);
    }

    /// <summary>Ends the session without a dose (a hold that was not overridden, the patient declined, ...).</summary>
    public void WithholdDose(string reason, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        EnsureDraft();
        if (IsDosed)
        {
            throw new RuleViolationException("A dose is already recorded; discharge the patient instead.");
        }

        DoseWithheldReason = reason.Trim();
        UpdatedAtNow(now);
    }

    public void RecordPatientAccount(string? account, DateTimeOffset now)
    {
        EnsureDraft();
        PatientAccount = string.IsNullOrWhiteSpace(account) ? null : account.Trim();
        UpdatedAtNow(now);
    }

    private int MinutesBetween(DateTimeOffset earliest) => (int)Math.Ceiling((earliest - (Drug == DrugKind.Esketamine ? FirstDoseAt!.Value : administrations.Max(a => a.DoseEndAt))).TotalMinutes);

    private void EnsureNotClosed(string action)
    {
        if (DischargedAt is not null)
        {
            throw new RuleViolationException($"The patient was discharged: you can no longer {action} in this session.");
        }

        if (DoseWithheldReason is not null)
        {
            throw new RuleViolationException($"The dose was withheld in this session: you can no longer {action} in it.");
        }
    }

    private void UpdatedAtNow(DateTimeOffset now) => Touch(OccurredAt, now);
}
