using KapClinic.Core.Patients;

namespace KapClinic.Core.Screening;

/// <summary>An active medication whose class matters for ketamine, with why.</summary>
public sealed record InteractingMedication(string Name, MedicationClass Class)
{
    public string Effect => ScreeningDerivation.Describe(Class);
}
