using KapClinic.Core.Courses;

namespace KapClinic.Core.Dosing.Dashboard;

/// <summary>One of today's unsigned dosing sessions, as the dashboard lists it.</summary>
public sealed record DosingTodayItem(
    Guid SessionId,
    Guid PatientId,
    string PatientName,
    string Mrn,
    string MonitoringClinicianName,
    DrugKind Drug,
    DateTimeOffset StartedAt,
    DosingPhase Phase,
    int? MinutesSinceDose,
    NextReading? NextReading)
{
    public bool IsReadingOverdue => NextReading?.IsOverdue == true;

    public string Url => $"/Patients/{PatientId}/Dosing/{SessionId}";

    public string PhaseText => Phase switch
    {
        DosingPhase.Checklist => "Checklist",
        DosingPhase.Monitoring => "Monitoring",
        DosingPhase.Discharged => "Discharged, to sign",
        _ => "Dose withheld, to sign",
    };
}
