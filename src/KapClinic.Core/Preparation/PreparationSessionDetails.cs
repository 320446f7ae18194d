using KapClinic.Core.Patients;

namespace KapClinic.Core.Preparation;

/// <summary>
/// One preparation note for reading: the note itself (not tracked, with its addenda and co-signature), its
/// author's current name, the course, the screening version it reviewed and the latest one.
/// </summary>
public sealed record PreparationSessionDetails(
    PatientBanner Patient,
    PreparationCourseInfo Course,
    PreparationSession Session,
    string AuthorName,
    ScreeningSnapshot? ReviewedScreening,
    ScreeningSnapshot? LatestScreening)
{
    public PreparationFormContext FormContext => new(Patient, Course, LatestScreening);
}
