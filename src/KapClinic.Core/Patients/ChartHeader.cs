namespace KapClinic.Core.Patients;

/// <summary>Who the patient is: the chart's header and overview.</summary>
public sealed record ChartHeader(
    Guid Id,
    string Mrn,
    string DisplayName,
    DateOnly DateOfBirth,
    int Age,
    SexAtBirth SexAtBirth,
    string? GenderIdentity,
    string? Pronouns,
    string? Phone,
    string? Email,
    EmergencyContact EmergencyContact,
    string? PrimaryClinicianName,
    string? ReferralSource,
    PatientStatus Status,
    bool IsArchived,
    decimal? HeightCm,
    ChartWeight? LatestWeight)
{
    /// <summary>Body-mass index from the latest weight and the height, when both are known.</summary>
    public decimal? Bmi => HeightCm is > 0 && LatestWeight is { } weight
        ? decimal.Round(weight.Kg / (HeightCm.Value / 100m * (HeightCm.Value / 100m)), 1)
        : null;
}
