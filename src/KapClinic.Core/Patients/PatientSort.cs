namespace KapClinic.Core.Patients;

/// <summary>The columns the patient list can be sorted by: a fixed set, each backed by an index.</summary>
public enum PatientSort
{
    Name,
    Mrn,
    DateOfBirth,
    Status,
}
