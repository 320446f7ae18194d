namespace KapClinic.Core.Dosing.Rems;

/// <summary>
/// The esketamine REMS Patient Monitoring Form of one session, every field filled from the session's log
/// (CLINICAL.md, "Esketamine (Spravato) REMS Patient Monitoring Form"). Times are UTC; dates are the clinic's.
/// A null yes/no means the log does not say (nothing was recorded to answer it).
/// </summary>
public sealed record RemsForm
{
    /// <summary>How many calendar days after the session the form is due.</summary>
    public const int DueWithinDays = 7;

    public const string SettingType = "Healthcare setting";

    public required Guid SessionId { get; init; }

    public required Guid PatientId { get; init; }

    public required string PatientName { get; init; }

    public required DateOnly DateOfBirth { get; init; }

    public required string Mrn { get; init; }

    public required bool IsFirstTreatment { get; init; }

    public required bool TakesBenzodiazepine { get; init; }

    public required bool TakesNonBenzodiazepineSedative { get; init; }

    public required bool TakesPsychostimulant { get; init; }

    public required bool TakesMaoi { get; init; }

    public required string MonitoringClinicianName { get; init; }

    public required string SettingName { get; init; }

    public required DateOnly SessionDate { get; init; }

    public required decimal DoseMg { get; init; }

    public required RemsDoseChoice DoseChoice { get; init; }

    public required int DeviceCount { get; init; }

    public required IReadOnlyList<string> Lots { get; init; }

    public required DateTimeOffset FirstDeviceAt { get; init; }

    /// <summary>The end of monitoring: the discharge (null while the patient is still monitored).</summary>
    public DateTimeOffset? MonitoringEndedAt { get; init; }

    /// <summary>Whole minutes from the first device to the end of monitoring.</summary>
    public int? TotalMonitoringMinutes { get; init; }

    /// <summary>When the patient would have been ready to leave without the 2-hour rule.</summary>
    public DateTimeOffset? ReadyToLeaveAt { get; init; }

    public int? ReadyToLeaveMinutes { get; init; }

    public bool? VitalsAcceptableBeforeDosing { get; init; }

    public bool? VitalsAcceptableAtEnd { get; init; }

    public RemsBloodPressure? BloodPressureBeforeDosing { get; init; }

    /// <summary>The reading closest to 40 min after the first device, within 25-60 min.</summary>
    public RemsBloodPressure? BloodPressureAbout40Minutes { get; init; }

    /// <summary>The last reading with a blood pressure before discharge (after the 40-minute one).</summary>
    public RemsBloodPressure? BloodPressureBeforeDischarge { get; init; }

    /// <summary>Any MOAA/S below 5 (null: MOAA/S never recorded).</summary>
    public bool? Sedation { get; init; }

    public int? LowestMoaas { get; init; }

    /// <summary>Dissociation marked present, or a CADSS-6 above 0 (null: never assessed).</summary>
    public bool? Dissociation { get; init; }

    public int? HighestCadss6 { get; init; }

    /// <summary>A respiratory-depression adverse event, or SpO2 below the clinic's alert limit.</summary>
    public required bool RespiratoryDepression { get; init; }

    /// <summary>The lowest SpO2 after the dose (null: pulse oximetry not recorded).</summary>
    public int? LowestSpO2 { get; init; }

    public required IReadOnlyList<RemsSeriousEvent> SeriousAdverseEvents { get; init; }

    public required bool IsSessionSigned { get; init; }

    public RemsSubmissionInfo? Submission { get; init; }

    public DateOnly DueOn => SessionDate.AddDays(DueWithinDays);

    public bool IsSubmitted => Submission is not null;

    /// <summary>Days until the due date (negative once overdue).</summary>
    public int DaysLeft(DateOnly today) => DueOn.DayNumber - today.DayNumber;

    public RemsStatus Status(DateOnly today) => StatusOf(IsSubmitted, DueOn, today);

    public static RemsStatus StatusOf(bool submitted, DateOnly dueOn, DateOnly today) =>
        submitted ? RemsStatus.Submitted : today > dueOn ? RemsStatus.Overdue : RemsStatus.Due;
}
