using KapClinic.Core.Integration;
using KapClinic.Core.Notes;
using KapClinic.Core.Preparation;
using KapClinic.Core.Screening;

namespace KapClinic.Core.Demo;

/// <summary>What the demo clinician writes: preparation and integration notes that read like real ones (no real patients).</summary>
internal static class DemoNoteContent
{
    private static readonly string[] Homework =
    [
        "Five minutes of breath practice each morning",
        "Write a letter to my father (not to send)",
        "Walk by the lake twice a week",
        "Notice and name the critical part when it shows up",
        "Call my sister on Sundays",
        "Journal about the image from the session",
        "Body scan before sleep",
        "Say no to one extra shift this week",
    ];

    private static readonly string[][] ThemeSets =
    [
        ["Grief", "Meaning"], ["Trauma", "Body awareness"], ["Relationships", "Connection"], ["Self-compassion"], ["Fear of death", "Meaning"],
    ];

    public static PreparationContent Preparation(DateTimeOffset at, int number, ReadinessDecision decision, Guid? screeningId, ScreeningResult? screeningResult) => new(
        at,
        50,
        number % 2 == 0 ? SessionModality.Telehealth : SessionModality.InPerson,
        "To feel close to my family again and to stop dreading the mornings.",
        number == 1
            ? [EducationTopic.EffectsAndRisks, EducationTopic.Dissociation, EducationTopic.Consent]
            : [EducationTopic.SetAndSetting, EducationTopic.WhatToExpectOnTheDay, EducationTopic.SafetyPlan, EducationTopic.DrivingRestriction],
        decision == ReadinessDecision.Ready ? screeningId : null,
        decision == ReadinessDecision.Ready ? screeningResult : null,
        "Alert and oriented; mood low, affect congruent; no suicidal ideation; thought process linear.",
        "Partner (confirmed by phone)",
        decision == ReadinessDecision.Ready,
        decision,
        decision == ReadinessDecision.Ready
            ? "Understands effects and risks, screening reviewed, support person and ride home in place."
            : "Wants another session on what to expect before the first dose.",
        "Reviewed the course plan and the patient's questions about dissociation.",
        decision == ReadinessDecision.Ready ? "Prepared and motivated; expectations realistic." : "Engaged but anxious about losing control.",
        decision == ReadinessDecision.Ready ? "Book the first dosing session." : "Second preparation session next week.");

    public static IntegrationContent Integration(
        DateTimeOffset at, int number, int seed, IReadOnlyList<HomeworkItem> carried, (Guid Id, RiskLevel Level)? cssrs, Guid? followsDosingSessionId)
    {
        var soap = (seed + number) % 3 == 0;
        var homework = carried.Select((item, i) => new HomeworkContent(item.Id, item.Text, ((i + number) % 3) switch
        {
            0 => HomeworkStatus.Done,
            1 => HomeworkStatus.InProgress,
            _ => HomeworkStatus.Dropped,
        })).ToList();
        homework.Add(new HomeworkContent(null, Homework[(seed + (number * 2)) % Homework.Length], HomeworkStatus.Open));
        if (number == 1)
        {
            homework.Add(new HomeworkContent(null, Homework[(seed + 5) % Homework.Length], HomeworkStatus.Open));
        }

        return new IntegrationContent(
            at,
            50,
            number % 2 == 0 ? SessionModality.Telehealth : SessionModality.InPerson,
            followsDosingSessionId,
            soap ? NoteFormat.Soap : NoteFormat.Dap,
            soap ? "Reports feeling lighter for two days after the dose; sleep improved." : null,
            soap ? "Calm, good eye contact, tearful when speaking of the image of the lake." : null,
            soap ? null : "Described the dose as spacious; an image of a childhood lake returned several times.",
            "Integrating well; early signs of self-compassion replacing self-criticism.",
            "Continue homework; next integration session after the next dose.",
            ThemeSets[(seed + number) % ThemeSets.Length],
            "Noticed that the critical voice is trying to protect them; less need to fight it.",
            number % 2 == 0 ? [IntegrationApproach.PartsWork, IntegrationApproach.Somatic] : [IntegrationApproach.Mindfulness, IntegrationApproach.Narrative],
            null,
            "Goal: return to work three days a week. Progress: two half days this week.",
            cssrs is null ? RiskCheckMethod.ClinicianJudgement : RiskCheckMethod.CssrsScreener,
            cssrs?.Level ?? RiskLevel.Low,
            cssrs is null ? "Denies suicidal ideation; protective factors: family, work, faith." : "C-SSRS screener reviewed together; safety plan updated.",
            cssrs?.Id,
            homework);
    }
}
