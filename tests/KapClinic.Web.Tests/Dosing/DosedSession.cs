namespace KapClinic.Web.Tests.Dosing;

/// <summary>A dosing session built for a test: who and what, and a client signed in as its monitoring clinician (the author).</summary>
internal sealed record DosedSession(Guid PatientId, Guid CourseId, Guid SessionId, Guid ClinicianId, Guid PrescriberId, HttpClient Client)
{
    public string Url => $"/Patients/{PatientId}/Dosing/{SessionId}";
}
