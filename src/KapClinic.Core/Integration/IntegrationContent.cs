using KapClinic.Core.Notes;

namespace KapClinic.Core.Integration;

/// <summary>Everything a clinician writes in an integration note, as one value.</summary>
public sealed record IntegrationContent(
    DateTimeOffset OccurredAt,
    int DurationMinutes,
    SessionModality Modality,
    Guid? FollowsDosingSessionId,
    NoteFormat Format,
    string? Subjective,
    string? Objective,
    string? Data,
    string? Assessment,
    string? Plan,
    IReadOnlyList<string> Themes,
    string? Insights,
    IReadOnlyList<IntegrationApproach> Approaches,
    string? OtherApproach,
    string? GoalsAndProgress,
    RiskCheckMethod? RiskMethod,
    RiskLevel? RiskLevel,
    string? RiskNote,
    Guid? RiskMeasureId,
    IReadOnlyList<HomeworkContent> Homework);
