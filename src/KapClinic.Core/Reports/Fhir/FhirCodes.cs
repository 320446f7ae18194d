namespace KapClinic.Core.Reports.Fhir;

/// <summary>The code systems and codes of the export (LOINC from shared/CLINICAL.md "Interoperability").</summary>
public static class FhirCodes
{
    public const string Loinc = "http://loinc.org";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string Snomed = "http://snomed.info/sct";
    public const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public const string ActCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    public const string IdentifierType = "http://terminology.hl7.org/CodeSystem/v2-0203";
    public const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";

    public const string KetamineRxNorm = "6130";

    public const string BloodPressurePanel = "85354-9";
    public const string Systolic = "8480-6";
    public const string Diastolic = "8462-4";
    public const string HeartRate = "8867-4";
    public const string OxygenSaturationPulseOximetry = "59408-5";

    /// <summary>The base vital-signs profile's oxygen saturation code, given beside 59408-5.</summary>
    public const string OxygenSaturation = "2708-6";
    public const string RespiratoryRate = "9279-1";
    public const string BodyWeight = "29463-7";
    public const string Phq9Total = "44261-6";
    public const string Gad7Total = "70274-6";
}
