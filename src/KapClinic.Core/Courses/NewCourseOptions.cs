using KapClinic.Core.Patients;

namespace KapClinic.Core.Courses;

/// <summary>What the "start a course" page needs: the patient, the active protocols, and any course still open.</summary>
public sealed record NewCourseOptions(PatientBanner Patient, IReadOnlyList<ProtocolListItem> Protocols, CourseSummary? OpenCourse);
