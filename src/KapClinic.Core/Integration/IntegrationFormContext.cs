using KapClinic.Core.Patients;

namespace KapClinic.Core.Integration;

/// <summary>
/// What the integration form shows around the inputs: who, which course, the clinic's themes (active ones, plus
/// any the draft already holds), the items carried forward from the latest signed note, the latest C-SSRS screener,
/// and the course's dosing sessions with a dose (the note may follow one).
/// </summary>
public sealed record IntegrationFormContext(
    PatientBanner Patient,
    IntegrationCourseInfo Course,
    IReadOnlyList<string> Themes,
    IReadOnlyList<CarriedHomework> Carried,
    CssrsSnapshot? LatestCssrs,
    IReadOnlyList<FollowableDosingSession> DosingSessions);
