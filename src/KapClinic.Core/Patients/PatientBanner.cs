namespace KapClinic.Core.Patients;

/// <summary>Who a page is about: enough to identify the patient at the top of any of their pages.</summary>
public sealed record PatientBanner(Guid Id, string DisplayName, string Mrn, DateOnly DateOfBirth, PatientStatus Status);
