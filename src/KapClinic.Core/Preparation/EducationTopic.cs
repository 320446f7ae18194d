namespace KapClinic.Core.Preparation;

/// <summary>What a preparation session covered (CLINICAL.md, preparation phase).</summary>
public enum EducationTopic
{
    EffectsAndRisks,
    Dissociation,
    SetAndSetting,
    WhatToExpectOnTheDay,
    SafetyPlan,
    DrivingRestriction,
    Consent,
}
