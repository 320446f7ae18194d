using KapClinic.Core.Courses;

namespace KapClinic.DataGenerator.Planning;

/// <summary>A course before it has dates: whose, which protocol, how far it got.</summary>
internal sealed class CourseDraft(int patient, int protocol, CourseStatus status, int doses)
{
    public int Patient { get; } = patient;
    public int Protocol { get; } = protocol;
    public CourseStatus Status { get; } = status;
    public int Doses { get; } = doses;
    public int Extra { get; set; }

    /// <summary>Preparation sessions held: all planned ones once dosing started; a planned course has them booked.</summary>
    public int Preparations(ProtocolDefinition definition) => Status == CourseStatus.Planned ? 0 : definition.PlannedPreparationSessions;

    /// <summary>One integration session after each dose, up to the protocol's count (all of them when completed).</summary>
    public int Integrations(ProtocolDefinition definition) =>
        Status == CourseStatus.Completed ? definition.PlannedIntegrationSessions : Math.Min(Doses, definition.PlannedIntegrationSessions);
}
