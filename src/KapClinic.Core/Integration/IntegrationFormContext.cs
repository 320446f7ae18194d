using KapClinic.Core.Patients;

namespace KapClinic.Core.Integration;

/// <summary>
/// What the integration form shows around the inputs: who, which course, the clinic's themes (active ones, plus
/// any the draft already holds), the items carried forward from the latest signed note, and the latest C-SSRS screener.
/// </summary>
public sealed record IntegrationFormContext(
    PatientBanner Patient,
    IntegrationCourseInfo Course,
    IReadOnlyList<string> Themes,
    IReadOnlyList<CarriedHomework> Carried,
    CssrsSnapshot? LatestCssrs);
