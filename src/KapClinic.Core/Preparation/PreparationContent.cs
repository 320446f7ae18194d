using KapClinic.Core.Notes;
using KapClinic.Core.Screening;

namespace KapClinic.Core.Preparation;

/// <summary>
/// Everything a clinician writes in a preparation session note, as one value. The reviewed screening is the
/// version shown when the box was ticked, with its result as it was then.
/// </summary>
public sealed record PreparationContent(
    DateTimeOffset OccurredAt,
    int DurationMinutes,
    SessionModality Modality,
    string? Intentions,
    IReadOnlyList<EducationTopic> EducationTopics,
    Guid? ReviewedScreeningId,
    ScreeningResult? ReviewedScreeningResult,
    string? MentalStatus,
    string? SupportPerson,
    bool RideHomeArranged,
    ReadinessDecision? Decision,
    string? DecisionRationale,
    string? Data,
    string? Assessment,
    string? Plan);
