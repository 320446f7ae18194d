using KapClinic.Core.Auditing;

namespace KapClinic.Core.Patients;

/// <summary>An allergy. Never deleted: an allergy entered in error or no longer relevant is marked inactive.</summary>
public sealed class Allergy : IAuditable
{
    public const int TextMaxLength = 200;

    private Allergy()
    {
        Substance = string.Empty;
    }

    internal Allergy(Guid patientId, string substance, string? reaction, DateTimeOffset recordedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(substance);
        Id = Guid.CreateVersion7(recordedAt);
        PatientId = patientId;
        Substance = substance.Trim();
        Reaction = string.IsNullOrWhiteSpace(reaction) ? null : reaction.Trim();
        RecordedAt = recordedAt;
        IsActive = true;
    }

    public Guid Id { get; private set; }

    public Guid PatientId { get; private set; }

    public string Substance { get; private set; }

    public string? Reaction { get; private set; }

    public bool IsActive { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public DateTimeOffset? InactivatedAt { get; private set; }

    public string AuditEntityType => "Allergy";

    public Guid AuditEntityId => Id;

    public Guid? AuditPatientId => PatientId;

    public void Inactivate(DateTimeOffset at)
    {
        IsActive = false;
        InactivatedAt = at;
    }
}
