namespace KapClinic.Core.Dosing;

/// <summary>One gate that applies now, in words for the clinician. A hold blocks the dose; a warning does not.</summary>
public sealed record GateFinding(DosingGate Gate, string Message)
{
    public bool IsHold => Gate != DosingGate.BloodPressureFlag;
}
