namespace KapClinic.Core.Scheduling;

public enum AppointmentType
{
    Preparation,
    Dosing,
    Integration,
    Consult,
}
