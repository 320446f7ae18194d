namespace KapClinic.Core.Dosing;

/// <summary>The pre-dose checklist form. Times are the clinic's wall clock. Saved partly filled; the gates say what is missing.</summary>
public sealed class ChecklistInput
{
    public bool IdentityVerified { get; set; }

    public bool ConsentCurrent { get; set; }

    public bool Fasting { get; set; }

    public string? RideHomeName { get; set; }

    public string? RideHomePhone { get; set; }

    public bool NoContraindicatedMedicationToday { get; set; }

    public PregnancyTest? PregnancyTest { get; set; }

    public string? Intention { get; set; }

    public int? MoodScore { get; set; }

    public decimal? WeightKg { get; set; }

    public int? Systolic { get; set; }

    public int? Diastolic { get; set; }

    public int? HeartRate { get; set; }

    public int? SpO2 { get; set; }

    public int? RespiratoryRate { get; set; }

    public DateTime? PreDoseVitalsAt { get; set; }

    public bool TakesBenzodiazepine { get; set; }

    public bool TakesNonBenzodiazepineSedative { get; set; }

    public bool TakesPsychostimulant { get; set; }

    public bool TakesMaoi { get; set; }

    public uint Version { get; set; }

    public VitalSigns Vitals => new(Systolic, Diastolic, HeartRate, SpO2, RespiratoryRate);
}
