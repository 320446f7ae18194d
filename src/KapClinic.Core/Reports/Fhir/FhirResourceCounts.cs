namespace KapClinic.Core.Reports.Fhir;

/// <summary>How many resources of each type an export wrote (for the audit detail and the page's message).</summary>
public sealed class FhirResourceCounts
{
    /// <summary>The resource types of the export, in the order they are written (one NDJSON file each).</summary>
    public static IReadOnlyList<string> Types { get; } =
        ["Patient", "Encounter", "MedicationAdministration", "Observation", "QuestionnaireResponse", "Appointment"];

    private readonly Dictionary<string, int> counts = Types.ToDictionary(t => t, _ => 0, StringComparer.Ordinal);

    public int this[string type] => counts.GetValueOrDefault(type);

    public int Total => counts.Values.Sum();

    public void Add(string type) => counts[type] = counts.GetValueOrDefault(type) + 1;

    /// <summary>"Patient=1 Encounter=3 ..." for the audit detail.</summary>
    public string Describe() => string.Join(' ', Types.Select(t => $"{t}={counts[t]}"));
}
