using KapClinic.Core.Patients;

namespace KapClinic.Core.Courses;

/// <summary>A patient's sessions across their courses, without any note text: what the front desk may see.</summary>
public sealed record PatientSessionList(PatientBanner Patient, IReadOnlyList<PatientSessionListItem> Sessions);
