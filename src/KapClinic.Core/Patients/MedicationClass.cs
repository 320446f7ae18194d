namespace KapClinic.Core.Patients;

/// <summary>
/// The classes that matter for ketamine (CLINICAL.md): benzodiazepines and lamotrigine blunt its effect, MAOIs
/// and stimulants raise blood pressure, opioids and other sedatives add respiratory depression.
/// </summary>
public enum MedicationClass
{
    Benzodiazepine,
    Lamotrigine,
    Maoi,
    Stimulant,
    Opioid,
    OtherSedative,
    Other,
}
