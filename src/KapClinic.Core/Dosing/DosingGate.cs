namespace KapClinic.Core.Dosing;

/// <summary>A reason the dose may not be recorded (each can be overridden by a prescriber with a reason), or a warning.</summary>
public enum DosingGate
{
    NotReadyToDose,
    ChecklistIncomplete,
    PregnancyTestPositive,
    SuicideRiskHigh,
    BloodPressureHold,
    HeartRateHold,
    SpO2Hold,
    DoseOutOfRange,

    /// <summary>A warning only: pre-dose BP at or above the flag threshold (below the hold).</summary>
    BloodPressureFlag,
}
