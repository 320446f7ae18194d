namespace KapClinic.Core.Patients;

/// <summary>What the patient rules depend on besides the input: the clinic's date today and its minimum age.</summary>
public sealed record PatientValidationContext(DateOnly Today, int MinimumAgeYears);
