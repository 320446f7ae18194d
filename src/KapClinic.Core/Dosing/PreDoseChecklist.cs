using KapClinic.Core.Integration;

namespace KapClinic.Core.Dosing;

/// <summary>
/// The pre-dose checklist as entered (CLINICAL.md, "Before dosing"): each confirmation, the ride home, the
/// pregnancy test, intention and mood, the weight of the day, pre-dose vitals, and the concomitant medication
/// classes the esketamine REMS form asks about. Nullable where "not answered yet" differs from "no".
/// </summary>
public sealed record PreDoseChecklist
{
    public bool IdentityVerified { get; init; }

    public bool ConsentCurrent { get; init; }

    public bool Fasting { get; init; }

    public string? RideHomeName { get; init; }

    public string? RideHomePhone { get; init; }

    public bool NoContraindicatedMedicationToday { get; init; }

    public PregnancyTest? PregnancyTest { get; init; }

    public string? Intention { get; init; }

    /// <summary>The patient's own mood rating before the dose, 0 (worst) to 10 (best).</summary>
    public int? MoodScore { get; init; }

    public decimal? WeightKg { get; init; }

    public VitalSigns PreDoseVitals { get; init; } = new(null, null, null, null, null);

    public DateTimeOffset? PreDoseVitalsAt { get; init; }

    public bool TakesBenzodiazepine { get; init; }

    public bool TakesNonBenzodiazepineSedative { get; init; }

    public bool TakesPsychostimulant { get; init; }

    public bool TakesMaoi { get; init; }

    /// <summary>Every item still missing, in words; empty when the checklist is complete.</summary>
    public IReadOnlyList<string> Missing(RiskLevel? cssrsRisk)
    {
        var missing = new List<string>();
        void Need(bool done, string what)
        {
            if (!done)
            {
                missing.Add(what);
            }
        }

        Need(IdentityVerified, "identity verified");
        Need(ConsentCurrent, "consent current");
        Need(Fasting, "fasting confirmed");
        Need(!string.IsNullOrWhiteSpace(RideHomeName) && !string.IsNullOrWhiteSpace(RideHomePhone), "ride home (name and phone)");
        Need(NoContraindicatedMedicationToday, "no contraindicated medication today");
        Need(PregnancyTest is not null, "pregnancy test (or not applicable)");
        Need(!string.IsNullOrWhiteSpace(Intention) && MoodScore is not null, "intention and mood");
        Need(cssrsRisk is not null, "pre-dose C-SSRS screener");
        Need(WeightKg is not null, "weight of the day");
        Need(PreDoseVitals.HasBloodPressure && PreDoseVitals.HeartRate is not null && PreDoseVitals.SpO2 is not null && PreDoseVitals.RespiratoryRate is not null, "pre-dose vitals (BP, heart rate, SpO2, respiratory rate)");
        return missing;
    }
}
