using KapClinic.Core.Patients;

namespace KapClinic.Core.Integration;

/// <summary>
/// One integration note for reading: the note (not tracked, with its homework, addenda and co-signature), its
/// author's current name, the form's context, the C-SSRS screener its risk check used, where each carried item
/// came from, the measures recorded that day, and the dosing session it follows.
/// </summary>
public sealed record IntegrationNoteDetails(
    IntegrationFormContext Context,
    IntegrationNote Note,
    string AuthorName,
    CssrsSnapshot? RiskMeasure,
    IReadOnlyDictionary<Guid, DateTimeOffset> CarriedFrom,
    IReadOnlyList<SessionMeasure> MeasuresThatDay,
    FollowableDosingSession? FollowedDosing)
{
    /// <summary>Whole hours from the followed session's first dose to this note's session.</summary>
    public int? HoursAfterDosing => FollowedDosing is { } dosing ? (int)Math.Floor((Note.OccurredAt - dosing.FirstDoseAt).TotalHours) : null;

    public PatientBanner Patient => Context.Patient;

    public IntegrationCourseInfo Course => Context.Course;
}
