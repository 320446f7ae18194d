namespace KapClinic.Core.Screening;

/// <summary>The contraindications screened at intake (CLINICAL.md). <see cref="ScreeningItems"/> says which are absolute.</summary>
public enum ScreeningItem
{
    PsychosisOrMania,
    ActiveSubstanceUseDisorder,
    UncontrolledHypertension,
    UnstableCardiacDisease,
    AneurysmOrAvm,
    RaisedIntracranialPressure,
    PregnancyOrBreastfeeding,
    RecentSuicideAttemptOrIntent,
    Glaucoma,
    HepaticImpairment,
    KetamineUropathy,
    PoorlyControlledThyroidDisease,
}
