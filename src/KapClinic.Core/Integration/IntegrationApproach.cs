namespace KapClinic.Core.Integration;

/// <summary>Therapeutic approaches used in an integration session (CLINICAL.md, integration phase).</summary>
public enum IntegrationApproach
{
    PartsWork,
    Neurosculpting,
    Somatic,
    Mindfulness,
    Narrative,
    Other,
}
