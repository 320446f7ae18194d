namespace KapClinic.Core.Screening;

/// <summary>Each contraindication's wording and weight, from CLINICAL.md.</summary>
public static class ScreeningItems
{
    public static IReadOnlyList<ScreeningItemDefinition> All { get; } =
    [
        new(ScreeningItem.PsychosisOrMania, "History of psychosis or mania", IsAbsolute: true),
        new(ScreeningItem.ActiveSubstanceUseDisorder, "Active substance use disorder (especially ketamine or opioid misuse)", IsAbsolute: true),
        new(ScreeningItem.UncontrolledHypertension, "Uncontrolled hypertension", IsAbsolute: true),
        new(ScreeningItem.UnstableCardiacDisease, "Unstable cardiac disease", IsAbsolute: true),
        new(ScreeningItem.AneurysmOrAvm, "Aneurysm or arteriovenous malformation", IsAbsolute: true),
        new(ScreeningItem.RaisedIntracranialPressure, "Raised intracranial pressure", IsAbsolute: true),
        new(ScreeningItem.PregnancyOrBreastfeeding, "Pregnancy or breastfeeding", IsAbsolute: true),
        new(ScreeningItem.RecentSuicideAttemptOrIntent, "Suicide attempt or active intent in the last months", IsAbsolute: true),
        new(ScreeningItem.Glaucoma, "Glaucoma", IsAbsolute: false),
        new(ScreeningItem.HepaticImpairment, "Hepatic impairment", IsAbsolute: false),
        new(ScreeningItem.KetamineUropathy, "Ketamine uropathy or interstitial cystitis", IsAbsolute: false),
        new(ScreeningItem.PoorlyControlledThyroidDisease, "Poorly controlled thyroid disease", IsAbsolute: false),
    ];

    public static ScreeningItemDefinition Get(ScreeningItem item) => All.Single(d => d.Item == item);
}

public sealed record ScreeningItemDefinition(ScreeningItem Item, string Label, bool IsAbsolute);
