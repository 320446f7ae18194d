using KapClinic.Core.Patients;

namespace KapClinic.DataGenerator.Planning;

internal sealed class PatientPlan
{
    public required Guid Id { get; init; }
    public required int Mrn { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required int Clinician { get; init; }
    public PatientStatus Status { get; set; }
    public int Course { get; set; } = -1;
    public double WeightKg { get; init; }
    public int BaselineSystolic { get; init; }
    public int BaselineDiastolic { get; init; }
    public int BaselineHeartRate { get; init; }
    public int BaselinePhq9 { get; init; }
}
