namespace KapClinic.Core.Dosing;

/// <summary>The pre-dose pregnancy test: not applicable to this patient, or its result. Positive holds the dose.</summary>
public enum PregnancyTest
{
    NotApplicable,
    Negative,
    Positive,
}
