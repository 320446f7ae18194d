namespace KapClinic.Core.Dosing;

/// <summary>Short names of the safety gates, for headings, status lines and reports (the findings carry the full sentence).</summary>
public static class DosingGateLabels
{
    public static string For(DosingGate gate) => gate switch
    {
        DosingGate.NotReadyToDose => "course not ready to dose",
        DosingGate.ChecklistIncomplete => "checklist incomplete",
        DosingGate.PregnancyTestPositive => "positive pregnancy test",
        DosingGate.SuicideRiskHigh => "high suicide risk",
        DosingGate.BloodPressureHold => "blood pressure hold",
        DosingGate.HeartRateHold => "heart rate hold",
        DosingGate.SpO2Hold => "SpO2 hold",
        DosingGate.DoseOutOfRange => "dose out of range",
        DosingGate.BloodPressureFlag => "blood pressure flag",
        _ => gate.ToString(),
    };
}
