using KapClinic.Core.Dosing;

namespace KapClinic.Web.Pages.Patients.Dosing;

/// <summary>Short names of the safety gates, for headings and status lines (the findings carry the full sentence).</summary>
public static class GateLabels
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
