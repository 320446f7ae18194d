using System.Globalization;
using Hl7.Fhir.Model;
using KapClinic.Core.Measures;

namespace KapClinic.Core.Reports.Fhir;

/// <summary>
/// Observations: vital signs (category vital-signs; the blood pressure as the LOINC panel with systolic and diastolic
/// components; UCUM units) and rating-scale totals (category survey; LOINC for PHQ-9 and GAD-7, text for the others).
/// </summary>
public static class FhirObservationMapper
{
    /// <summary>Up to five observations from one set of vitals: blood pressure, heart rate, SpO2, respiratory rate, body weight.</summary>
    public static IEnumerable<Observation> VitalSigns(FhirVitalsRow row, FhirMapContext map)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(map);
        if (row.Systolic is not null || row.Diastolic is not null)
        {
            var bp = Vital(row, map, "bp", FhirMapContext.Loinc(FhirCodes.BloodPressurePanel, "Blood pressure panel with all children optional"), null);
            AddComponent(bp, FhirCodes.Systolic, "Systolic blood pressure", row.Systolic);
            AddComponent(bp, FhirCodes.Diastolic, "Diastolic blood pressure", row.Diastolic);
            yield return bp;
        }

        if (row.HeartRate is { } heartRate)
        {
            yield return Vital(row, map, "hr", FhirMapContext.Loinc(FhirCodes.HeartRate, "Heart rate"), FhirMapContext.Ucum(heartRate, "/min", "beats/minute"));
        }

        if (row.SpO2 is { } spO2)
        {
            var code = FhirMapContext.Loinc(FhirCodes.OxygenSaturationPulseOximetry, "Oxygen saturation in Arterial blood by Pulse oximetry");
            code.Coding.Add(new Coding(FhirCodes.Loinc, FhirCodes.OxygenSaturation, "Oxygen saturation in Arterial blood"));
            yield return Vital(row, map, "spo2", code, FhirMapContext.Ucum(spO2, "%", "%"));
        }

        if (row.RespiratoryRate is { } rate)
        {
            yield return Vital(row, map, "rr", FhirMapContext.Loinc(FhirCodes.RespiratoryRate, "Respiratory rate"), FhirMapContext.Ucum(rate, "/min", "breaths/minute"));
        }

        if (row.WeightKg is { } kg)
        {
            yield return Vital(row, map, "weight", FhirMapContext.Loinc(FhirCodes.BodyWeight, "Body weight"), FhirMapContext.Ucum(kg, "kg", "kg"));
        }
    }

    public static Observation Weight(FhirWeightRow row, FhirMapContext map)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(map);
        return new Observation
        {
            Id = FhirIds.Of(row.Id),
            Status = ObservationStatus.Final,
            Category = [Category("vital-signs", "Vital Signs")],
            Code = FhirMapContext.Loinc(FhirCodes.BodyWeight, "Body weight"),
            Subject = map.Patient(row.PatientId),
            Effective = new FhirDateTime(row.MeasuredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            Value = FhirMapContext.Ucum(row.Kg, "kg", "kg"),
        };
    }

    /// <summary>A scale's total, derived from its QuestionnaireResponse (same id as the measure).</summary>
    public static Observation ScaleTotal(FhirMeasureRow row, FhirMapContext map)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(map);
        var name = Instruments.Get(row.Instrument).ShortName;
        var observation = new Observation
        {
            Id = FhirIds.Derived(row.Id, "total"),
            Status = ObservationStatus.Final,
            Category = [Category("survey", "Survey")],
            Code = row.Instrument switch
            {
                Instrument.Phq9 => FhirMapContext.Loinc(FhirCodes.Phq9Total, "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]"),
                Instrument.Gad7 => FhirMapContext.Loinc(FhirCodes.Gad7Total, "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]"),
                _ => new CodeableConcept { Text = name + " total score" },
            },
            Subject = map.Patient(row.PatientId),
            Encounter = row.EncounterId is { } encounter ? map.Encounter(encounter) : null,
            Effective = map.Time(row.TakenAt),
            Performer = [map.User(row.EnteredBy, row.EnteredByName)],
            Value = FhirMapContext.Ucum(row.Total, "{score}", "{score}"),
            DerivedFrom = [map.To("QuestionnaireResponse", row.Id)],
        };
        if (!string.IsNullOrWhiteSpace(row.Band))
        {
            observation.Interpretation.Add(new CodeableConcept { Text = row.Band });
        }

        return observation;
    }

    private static Observation Vital(FhirVitalsRow row, FhirMapContext map, string part, CodeableConcept code, Quantity? value) => new()
    {
        Id = FhirIds.Derived(row.Id, row.Part + "/" + part),
        Status = ObservationStatus.Final,
        Category = [Category("vital-signs", "Vital Signs")],
        Code = code,
        Subject = map.Patient(row.PatientId),
        Encounter = map.Encounter(row.SessionId),
        Effective = map.Time(row.TakenAt),
        Performer = [map.User(row.RecordedBy, row.RecordedByName)],
        Value = value,
    };

    private static void AddComponent(Observation panel, string code, string display, int? mmHg)
    {
        if (mmHg is { } value)
        {
            panel.Component.Add(new Observation.ComponentComponent
            {
                Code = FhirMapContext.Loinc(code, display),
                Value = FhirMapContext.Ucum(value, "mm[Hg]", "mmHg"),
            });
        }
    }

    private static CodeableConcept Category(string code, string display) => new(FhirCodes.ObservationCategory, code, display, null);
}
