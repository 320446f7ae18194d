using KapClinic.Core.Common;
using KapClinic.Core.Integration;
using KapClinic.Core.Notes;

namespace KapClinic.Core.Dosing;

/// <summary>The session's own recorded fields: checklist, C-SSRS, the patient's account, discharge; and its signed content.</summary>
public sealed partial class DosingSession
{
    public bool IdentityVerified { get; private set; }

    public bool ConsentCurrent { get; private set; }

    public bool Fasting { get; private set; }

    public string? RideHomeName { get; private set; }

    public string? RideHomePhone { get; private set; }

    public bool NoContraindicatedMedicationToday { get; private set; }

    public PregnancyTest? PregnancyTest { get; private set; }

    public string? Intention { get; private set; }

    public int? MoodScore { get; private set; }

    public decimal? WeightKg { get; private set; }

    public int? PreDoseSystolic { get; private set; }

    public int? PreDoseDiastolic { get; private set; }

    public int? PreDoseHeartRate { get; private set; }

    public int? PreDoseSpO2 { get; private set; }

    public int? PreDoseRespiratoryRate { get; private set; }

    public DateTimeOffset? PreDoseVitalsAt { get; private set; }

    public bool TakesBenzodiazepine { get; private set; }

    public bool TakesNonBenzodiazepineSedative { get; private set; }

    public bool TakesPsychostimulant { get; private set; }

    public bool TakesMaoi { get; private set; }

    /// <summary>The pre-dose C-SSRS screener (a measure response taken for this session) and the risk it found.</summary>
    public Guid? PreDoseCssrsMeasureId { get; private set; }

    public RiskLevel? PreDoseCssrsRisk { get; private set; }

    /// <summary>The patient's own account of the experience, after the dose.</summary>
    public string? PatientAccount { get; private set; }

    /// <summary>Why no dose was given, when the session ended without one.</summary>
    public string? DoseWithheldReason { get; private set; }

    public bool DischargeVitalsNearBaseline { get; private set; }

    public bool DischargeAlertAndOriented { get; private set; }

    public bool DischargeWalkingSteadily { get; private set; }

    public bool DischargeNauseaControlled { get; private set; }

    public bool DischargeResponsibleAdultPresent { get; private set; }

    public bool DischargeInstructionsGiven { get; private set; }

    public DateTimeOffset? DischargedAt { get; private set; }

    public string? DischargedWith { get; private set; }

    /// <summary>When the patient would have been ready to leave without a minimum-time rule (REMS).</summary>
    public DateTimeOffset? ReadyToLeaveAt { get; private set; }

    public bool IsDischarged => DischargedAt is not null;

    public PreDoseChecklist Checklist => new()
    {
        IdentityVerified = IdentityVerified,
        ConsentCurrent = ConsentCurrent,
        Fasting = Fasting,
        RideHomeName = RideHomeName,
        RideHomePhone = RideHomePhone,
        NoContraindicatedMedicationToday = NoContraindicatedMedicationToday,
        PregnancyTest = PregnancyTest,
        Intention = Intention,
        MoodScore = MoodScore,
        WeightKg = WeightKg,
        PreDoseVitals = new VitalSigns(PreDoseSystolic, PreDoseDiastolic, PreDoseHeartRate, PreDoseSpO2, PreDoseRespiratoryRate),
        PreDoseVitalsAt = PreDoseVitalsAt,
        TakesBenzodiazepine = TakesBenzodiazepine,
        TakesNonBenzodiazepineSedative = TakesNonBenzodiazepineSedative,
        TakesPsychostimulant = TakesPsychostimulant,
        TakesMaoi = TakesMaoi,
    };

    /// <summary>Records the checklist as it stands (partly filled is fine: the gates say what is missing). Before the dose only.</summary>
    public void RecordChecklist(PreDoseChecklist checklist, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(checklist);
        EnsureDraft();
        EnsureBeforeDose();
        if (PhysiologicalLimits.Check(checklist.PreDoseVitals) is { } problem)
        {
            throw new RuleViolationException(problem);
        }

        if (checklist.WeightKg is { } kg && (kg < PhysiologicalLimits.WeightKg.Min || kg > PhysiologicalLimits.WeightKg.Max))
        {
            throw new RuleViolationException("WeightKg", "Weight must be 30-300 kg.");
        }

        if (checklist.MoodScore is < 0 or > 10)
        {
            throw new RuleViolationException("MoodScore", "Mood must be 0-10.");
        }

        if (checklist.PreDoseVitalsAt is { } at && (at < StartedAt.AddHours(-2) || at > now.AddMinutes(FutureToleranceMinutes)))
        {
            throw new RuleViolationException("PreDoseVitalsAt", "Pre-dose vitals must be taken within the 2 hours before the session started, or since, and not in the future.");
        }

        IdentityVerified = checklist.IdentityVerified;
        ConsentCurrent = checklist.ConsentCurrent;
        Fasting = checklist.Fasting;
        RideHomeName = Clean(checklist.RideHomeName);
        RideHomePhone = Clean(checklist.RideHomePhone);
        NoContraindicatedMedicationToday = checklist.NoContraindicatedMedicationToday;
        PregnancyTest = checklist.PregnancyTest;
        Intention = Clean(checklist.Intention);
        MoodScore = checklist.MoodScore;
        WeightKg = checklist.WeightKg;
        PreDoseSystolic = checklist.PreDoseVitals.Systolic;
        PreDoseDiastolic = checklist.PreDoseVitals.Diastolic;
        PreDoseHeartRate = checklist.PreDoseVitals.HeartRate;
        PreDoseSpO2 = checklist.PreDoseVitals.SpO2;
        PreDoseRespiratoryRate = checklist.PreDoseVitals.RespiratoryRate;
        PreDoseVitalsAt = checklist.PreDoseVitals.IsEmpty ? null : NoteTime.ToStored(checklist.PreDoseVitalsAt ?? now);
        TakesBenzodiazepine = checklist.TakesBenzodiazepine;
        TakesNonBenzodiazepineSedative = checklist.TakesNonBenzodiazepineSedative;
        TakesPsychostimulant = checklist.TakesPsychostimulant;
        TakesMaoi = checklist.TakesMaoi;
        UpdatedAtNow(now);
    }

    /// <summary>Links the pre-dose C-SSRS screener taken for this session. Before the dose only.</summary>
    public void RecordPreDoseCssrs(Guid measureId, RiskLevel risk, DateTimeOffset now)
    {
        EnsureDraft();
        EnsureBeforeDose();
        PreDoseCssrsMeasureId = measureId;
        PreDoseCssrsRisk = risk;
        UpdatedAtNow(now);
    }

    protected override void EnsureCompleteForSigning()
    {
        if (DoseWithheldReason is not null)
        {
            return;
        }

        if (!IsDosed)
        {
            throw new RuleViolationException("Record the dose (or that it was withheld) before signing.");
        }

        if (!IsDischarged)
        {
            throw new RuleViolationException("Complete the discharge assessment before signing.");
        }
    }

    protected override void WriteContent(NoteContent content)
    {
        content.Add("dose.prescriberId", PrescriberId)
            .Add("dose.appointmentId", AppointmentId)
            .Add("dose.protocolId", ProtocolId)
            .Add("dose.drug", Drug.ToString())
            .Add("dose.route", Route.ToString())
            .Add("dose.range", $"{Number(DoseMin)}-{Number(DoseMax)} {DoseUnit}")
            .Add("dose.monitoring", $"{MinimumMonitoringMinutes}/{VitalsIntervalMinutes}")
            .Add("check.identity", IdentityVerified.ToString())
            .Add("check.consent", ConsentCurrent.ToString())
            .Add("check.fasting", Fasting.ToString())
            .Add("check.rideName", RideHomeName)
            .Add("check.ridePhone", RideHomePhone)
            .Add("check.noContraindicatedMedication", NoContraindicatedMedicationToday.ToString())
            .Add("check.pregnancy", PregnancyTest?.ToString())
            .Add("check.intention", Intention)
            .Add("check.mood", MoodScore)
            .Add("check.weightKg", Number(WeightKg))
            .Add("check.vitals", $"{PreDoseSystolic}/{PreDoseDiastolic} hr {PreDoseHeartRate} spo2 {PreDoseSpO2} rr {PreDoseRespiratoryRate}")
            .Add("check.vitalsAt", PreDoseVitalsAt)
            .Add("check.concomitant", $"{TakesBenzodiazepine}/{TakesNonBenzodiazepineSedative}/{TakesPsychostimulant}/{TakesMaoi}")
            .Add("check.cssrs", PreDoseCssrsMeasureId)
            .Add("check.cssrsRisk", PreDoseCssrsRisk?.ToString())
            .Add("after.account", PatientAccount)
            .Add("dose.withheld", DoseWithheldReason)
            .Add("discharge.criteria", $"{DischargeVitalsNearBaseline}/{DischargeAlertAndOriented}/{DischargeWalkingSteadily}/{DischargeNauseaControlled}/{DischargeResponsibleAdultPresent}/{DischargeInstructionsGiven}")
            .Add("discharge.at", DischargedAt)
            .Add("discharge.with", DischargedWith)
            .Add("discharge.readyAt", ReadyToLeaveAt);
        var index = 0;
        foreach (var administration in administrations.OrderBy(a => a.Sequence))
        {
            administration.WriteContent(content, index++);
        }

        index = 0;
        foreach (var item in overrides.OrderBy(o => o.OverriddenAt).ThenBy(o => o.Gate))
        {
            item.WriteContent(content, index++);
        }

        index = 0;
        foreach (var reading in readings.OrderBy(r => r.TakenAt).ThenBy(r => r.Id))
        {
            reading.WriteContent(content, index++);
        }

        index = 0;
        foreach (var item in adverseEvents.OrderBy(e => e.OnsetAt).ThenBy(e => e.Id))
        {
            item.WriteContent(content, index++);
        }
    }

    private void ApplyDischarge(DischargeAssessment assessment)
    {
        DischargeVitalsNearBaseline = assessment.VitalsNearBaseline;
        DischargeAlertAndOriented = assessment.AlertAndOriented;
        DischargeWalkingSteadily = assessment.WalkingSteadily;
        DischargeNauseaControlled = assessment.NauseaControlled;
        DischargeResponsibleAdultPresent = assessment.ResponsibleAdultPresent;
        DischargeInstructionsGiven = assessment.InstructionsGiven;
        DischargedAt = NoteTime.ToStored(assessment.DischargedAt);
        DischargedWith = assessment.DischargedWith.Trim();
        ReadyToLeaveAt = assessment.ReadyToLeaveAt is { } ready ? NoteTime.ToStored(ready) : null;
    }

    private void EnsureBeforeDose()
    {
        if (IsDosed)
        {
            throw new RuleViolationException("The dose is recorded: the pre-dose checklist can no longer change. Add an addendum after signing to correct it.");
        }

        if (DoseWithheldReason is not null)
        {
            throw new RuleViolationException("The dose was withheld in this session: the checklist can no longer change.");
        }
    }

    /// <summary>A decimal as the hash sees it: PostgreSQL may return 0.50 for 0.5, so trailing zeros never count.</summary>
    internal static string? Number(decimal? value) => value?.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
