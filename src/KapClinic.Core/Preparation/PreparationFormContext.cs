using KapClinic.Core.Patients;

namespace KapClinic.Core.Preparation;

/// <summary>What the preparation form shows around the inputs: who, which course, the screening to review.</summary>
public sealed record PreparationFormContext(PatientBanner Patient, PreparationCourseInfo Course, ScreeningSnapshot? LatestScreening);
