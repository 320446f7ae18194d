namespace KapClinic.Core.Preparation;

/// <summary>How each topic reads on screen, in the order a checklist shows them.</summary>
public static class EducationTopics
{
    public static IReadOnlyList<EducationTopic> All { get; } = Enum.GetValues<EducationTopic>();

    public static string Label(EducationTopic topic) => topic switch
    {
        EducationTopic.EffectsAndRisks => "Effects and risks",
        EducationTopic.Dissociation => "Dissociation",
        EducationTopic.SetAndSetting => "Set and setting",
        EducationTopic.WhatToExpectOnTheDay => "What to expect on the day",
        EducationTopic.SafetyPlan => "Safety plan",
        EducationTopic.DrivingRestriction => "Driving restriction (no driving until the next day after sleep)",
        EducationTopic.Consent => "Consent",
        _ => topic.ToString(),
    };
}
