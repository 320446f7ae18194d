using KapClinic.Core.Courses;
using KapClinic.Core.Dosing;
using KapClinic.Core.Patients;

namespace KapClinic.Core.Demo;

/// <summary>What the demo's dosing sessions need to know of an active, ready course and its patient.</summary>
internal sealed record DemoDosingCourse(
    Guid PatientId,
    Guid CourseId,
    DateOnly StartDate,
    Protocol Protocol,
    decimal LatestWeightKg,
    PregnancyTest PregnancyTest,
    string RideName,
    string RidePhone,
    IReadOnlySet<MedicationClass> Medications,
    Readiness Readiness);
