using KapClinic.Core.Patients;

namespace KapClinic.Core.Integration;

/// <summary>
/// One integration note for reading: the note (not tracked, with its homework, addenda and co-signature), its
/// author's current name, the form's context, the C-SSRS screener its risk check used, where each carried item
/// came from, and the measures recorded that day.
/// </summary>
public sealed record IntegrationNoteDetails(
    IntegrationFormContext Context,
    IntegrationNote Note,
    string AuthorName,
    CssrsSnapshot? RiskMeasure,
    IReadOnlyDictionary<Guid, DateTimeOffset> CarriedFrom,
    IReadOnlyList<SessionMeasure> MeasuresThatDay)
{
    public PatientBanner Patient => Context.Patient;

    public IntegrationCourseInfo Course => Context.Course;
}
