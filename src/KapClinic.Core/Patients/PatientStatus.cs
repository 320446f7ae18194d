namespace KapClinic.Core.Patients;

/// <summary>Where a patient is in the program. Moves are limited to <see cref="PatientStatusMoves"/>.</summary>
public enum PatientStatus
{
    Referred,
    Screening,
    Eligible,
    Ineligible,
    Active,
    Maintenance,
    Discharged,
}
