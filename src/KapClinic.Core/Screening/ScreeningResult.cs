namespace KapClinic.Core.Screening;

/// <summary>Absolute blocks dosing until a prescriber documents clearance; Relative flags for the prescriber.</summary>
public enum ScreeningResult
{
    Clear,
    Relative,
    Absolute,
}
