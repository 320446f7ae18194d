using KapClinic.Core.Auditing;

namespace KapClinic.Core.Patients;

/// <summary>A current medication with the class that matters for ketamine. Stopped, never deleted.</summary>
public sealed class Medication : IAuditable
{
    public const int NameMaxLength = 200;
    public const int DoseMaxLength = 100;

    private Medication()
    {
        Name = string.Empty;
    }

    internal Medication(Guid patientId, string name, string? dose, MedicationClass medicationClass, DateTimeOffset recordedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = Guid.CreateVersion7(recordedAt);
        PatientId = patientId;
        Name = name.Trim();
        Dose = string.IsNullOrWhiteSpace(dose) ? null : dose.Trim();
        Class = medicationClass;
        RecordedAt = recordedAt;
        IsActive = true;
    }

    public Guid Id { get; private set; }

    public Guid PatientId { get; private set; }

    public string Name { get; private set; }

    public string? Dose { get; private set; }

    public MedicationClass Class { get; private set; }

    public bool IsActive { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public DateTimeOffset? StoppedAt { get; private set; }

    /// <summary>Every class but Other interacts with ketamine (CLINICAL.md) and makes screening at least Relative.</summary>
    public bool InteractsWithKetamine => Class != MedicationClass.Other;

    public string AuditEntityType => "Medication";

    public Guid AuditEntityId => Id;

    public Guid? AuditPatientId => PatientId;

    public void Stop(DateTimeOffset at)
    {
        IsActive = false;
        StoppedAt = at;
    }
}
