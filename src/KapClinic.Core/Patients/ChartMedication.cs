namespace KapClinic.Core.Patients;

public sealed record ChartMedication(Guid Id, string Name, string? Dose, MedicationClass Class, DateTimeOffset RecordedAt)
{
    /// <summary>Every class but Other matters for ketamine (CLINICAL.md).</summary>
    public bool InteractsWithKetamine => Class != MedicationClass.Other;
}
