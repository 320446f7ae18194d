namespace KapClinic.Core.Integration;

/// <summary>How each approach reads on screen, in the order a checklist shows them.</summary>
public static class IntegrationApproaches
{
    public static IReadOnlyList<IntegrationApproach> All { get; } = Enum.GetValues<IntegrationApproach>();

    public static string Label(IntegrationApproach approach) => approach switch
    {
        IntegrationApproach.PartsWork => "Parts work / IFS",
        IntegrationApproach.Neurosculpting => "Neurosculpting",
        IntegrationApproach.Somatic => "Somatic",
        IntegrationApproach.Mindfulness => "Mindfulness",
        IntegrationApproach.Narrative => "Narrative",
        IntegrationApproach.Other => "Other",
        _ => approach.ToString(),
    };
}
