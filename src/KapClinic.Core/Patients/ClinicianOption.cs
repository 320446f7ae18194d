namespace KapClinic.Core.Patients;

/// <summary>A clinician to choose as a primary clinician; inactive only when already assigned and since disabled.</summary>
public sealed record ClinicianOption(Guid Id, string Name, bool IsActive);
