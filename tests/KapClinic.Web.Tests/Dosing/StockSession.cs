namespace KapClinic.Web.Tests.Dosing;

/// <summary>A session waiting for its dose, with the nurse monitoring and the prescriber on site signed in.</summary>
internal sealed record StockSession(Guid PatientId, Guid SessionId, HttpClient Nurse, Guid NurseId, HttpClient Prescriber, Guid PrescriberId)
{
    public string DoseUrl => $"/Patients/{PatientId}/Dosing/{SessionId}/Dose";

    public string SessionUrl => $"/Patients/{PatientId}/Dosing/{SessionId}";
}
