using KapClinic.Core.Notes;

namespace KapClinic.Core.Courses;

/// <summary>
/// That a session of a course happened: when, what kind, with whom, draft or signed. No note text, so any role
/// that may see the patient may see this.
/// </summary>
public sealed record CourseSession(Guid Id, Guid PatientId, Guid CourseId, NoteKind Kind, DateTimeOffset OccurredAt, NoteStatus Status, string ClinicianName)
{
    public bool IsSigned => Status == NoteStatus.Signed;

    public string KindLabel => Label(Kind);

    /// <summary>Where the note is read; null for a kind that has no page yet.</summary>
    public string? Url => Kind switch
    {
        NoteKind.PreparationSession => $"/Patients/{PatientId}/Preparation/{Id}",
        NoteKind.IntegrationNote => $"/Patients/{PatientId}/Integration/{Id}",
        NoteKind.DosingSession => $"/Patients/{PatientId}/Dosing/{Id}",
        _ => null,
    };

    public static string Label(NoteKind kind) => kind switch
    {
        NoteKind.PreparationSession => "Preparation",
        NoteKind.IntegrationNote => "Integration",
        NoteKind.DosingSession => "Dosing",
        _ => kind.ToString(),
    };
}
