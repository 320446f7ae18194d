namespace KapClinic.Core.Patients;

public enum SexAtBirth
{
    Female,
    Male,
    Intersex,
    Unknown,
}
