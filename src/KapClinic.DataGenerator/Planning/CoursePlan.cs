using KapClinic.Core.Courses;

namespace KapClinic.DataGenerator.Planning;

internal sealed class CoursePlan
{
    public required Guid Id { get; init; }
    public required int Patient { get; init; }
    public required int Protocol { get; init; }
    public required CourseStatus Status { get; init; }
    public required int StartDay { get; init; }
    public required int Clinician { get; init; }
    public required int Prescriber { get; init; }
    public required int DosesDone { get; init; }
    public required int ExtraIntegration { get; set; }
    public int EndDay { get; set; } = -1;
}
