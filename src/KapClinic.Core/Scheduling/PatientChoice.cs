using KapClinic.Core.Patients;

namespace KapClinic.Core.Scheduling;

/// <summary>A patient found by the booking form's search.</summary>
public sealed record PatientChoice(Guid Id, string DisplayName, string Mrn, DateOnly DateOfBirth, PatientStatus Status)
{
    public bool IsBookable => Status != PatientStatus.Discharged;
}
