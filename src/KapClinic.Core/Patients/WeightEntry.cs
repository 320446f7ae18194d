using KapClinic.Core.Auditing;

namespace KapClinic.Core.Patients;

/// <summary>A dated body weight. Dosing uses the weight of the day; this is the chart's history.</summary>
public sealed class WeightEntry : IAuditable
{
    public const decimal MinimumKg = 30m;
    public const decimal MaximumKg = 300m;

    private WeightEntry()
    {
    }

    internal WeightEntry(Guid patientId, DateOnly measuredOn, decimal kg, Guid recordedBy, DateTimeOffset recordedAt)
    {
        if (kg is < MinimumKg or > MaximumKg)
        {
            throw new ArgumentOutOfRangeException(nameof(kg), kg, $"Weight must be {MinimumKg}-{MaximumKg} kg.");
        }

        Id = Guid.CreateVersion7(recordedAt);
        PatientId = patientId;
        MeasuredOn = measuredOn;
        Kg = decimal.Round(kg, 1);
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }

    public Guid PatientId { get; private set; }

    public DateOnly MeasuredOn { get; private set; }

    public decimal Kg { get; private set; }

    public Guid RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public string AuditEntityType => "WeightEntry";

    public Guid AuditEntityId => Id;

    public Guid? AuditPatientId => PatientId;
}
