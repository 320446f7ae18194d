using System.Globalization;
using KapClinic.Core.Notes;

namespace KapClinic.Core.Courses;

/// <summary>
/// One course's sessions in time order, the signed counts against the protocol's plan, and (for a planned or
/// active course) whether it is ready to dose.
/// </summary>
public sealed record CourseTimeline(
    Guid PatientId,
    Guid CourseId,
    CourseStatus Status,
    int PlannedPreparation,
    int PlannedDosing,
    int PlannedIntegration,
    IReadOnlyList<CourseSession> Sessions,
    Readiness? Readiness)
{
    public int SignedPreparation => Signed(NoteKind.PreparationSession);

    public int SignedDosing => Signed(NoteKind.DosingSession);

    public int SignedIntegration => Signed(NoteKind.IntegrationNote);

    public int PlannedSessions => PlannedPreparation + PlannedDosing + PlannedIntegration;

    public int SessionsDone => SignedPreparation + SignedDosing + SignedIntegration;

    /// <summary>Sessions are written while the course is planned or running.</summary>
    public bool AcceptsNewSessions => Status is CourseStatus.Planned or CourseStatus.Active;

    /// <summary>"2 of 2 preparation, 0 of 6 dosing, 1 of 6 integration" (signed sessions).</summary>
    public string CountsText => string.Create(
        CultureInfo.InvariantCulture,
        $"{SignedPreparation} of {PlannedPreparation} preparation, {SignedDosing} of {PlannedDosing} dosing, {SignedIntegration} of {PlannedIntegration} integration");

    private int Signed(NoteKind kind) => Sessions.Count(s => s.Kind == kind && s.IsSigned);
}
