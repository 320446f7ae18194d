using KapClinic.Core.Patients;

namespace KapClinic.Core.Screening;

/// <summary>
/// Derives Clear / Relative / Absolute from the answers and the active medications, with the reasons in words.
/// Safety first: an absolute contraindication answered "unknown" counts as absolute (it blocks dosing until
/// someone finds out), a relative one answered "unknown" counts as relative; a medication of any class that
/// interacts with ketamine makes the result at least relative.
/// </summary>
public static class ScreeningDerivation
{
    public static (ScreeningResult Result, IReadOnlyList<string> Reasons) Derive(
        IEnumerable<ScreeningResponse> responses, IEnumerable<(string Name, MedicationClass Class)> activeMedications)
    {
        var answers = responses.ToDictionary(r => r.Item, r => r.Answer);
        var reasons = new List<string>();
        var result = ScreeningResult.Clear;
        foreach (var definition in ScreeningItems.All)
        {
            var answer = answers.GetValueOrDefault(definition.Item, ScreeningAnswer.Unknown);
            if (answer == ScreeningAnswer.No)
            {
                continue;
            }

            var weight = definition.IsAbsolute ? ScreeningResult.Absolute : ScreeningResult.Relative;
            result = Max(result, weight);
            reasons.Add(answer == ScreeningAnswer.Yes
                ? $"{definition.Label}: yes ({(definition.IsAbsolute ? "absolute" : "relative")})"
                : $"{definition.Label}: unknown ({(definition.IsAbsolute ? "absolute until clarified" : "relative")})");
        }

        foreach (var (name, medicationClass) in activeMedications.Where(m => m.Class != MedicationClass.Other))
        {
            result = Max(result, ScreeningResult.Relative);
            reasons.Add($"Medication {name} ({Describe(medicationClass)})");
        }

        return (result, reasons);
    }

    public static string Describe(MedicationClass medicationClass) => medicationClass switch
    {
        MedicationClass.Benzodiazepine => "benzodiazepine: blunts ketamine's effect",
        MedicationClass.Lamotrigine => "lamotrigine: blunts ketamine's effect",
        MedicationClass.Maoi => "MAOI: raises blood pressure",
        MedicationClass.Stimulant => "stimulant: raises blood pressure",
        MedicationClass.Opioid => "opioid: respiratory depression",
        MedicationClass.OtherSedative => "sedative: respiratory depression",
        _ => "other",
    };

    private static ScreeningResult Max(ScreeningResult a, ScreeningResult b) => a > b ? a : b;
}
