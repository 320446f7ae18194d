using Hl7.Fhir.Model;
using KapClinic.Core.Courses;
using MedicationAdministrationStatus = Hl7.Fhir.Model.MedicationAdministration.MedicationAdministrationStatusCodes;

namespace KapClinic.Core.Reports.Fhir;

/// <summary>
/// A dose as a MedicationAdministration. R4's MedicationAdministration has no lot of its own: the lot is the batch of
/// a contained Medication ("#med", code ketamine RxNorm 6130 with text), which medicationReference points at. Route
/// by SNOMED CT route concept with text; dose in mg (UCUM); an infusion has a period and its rate in mL/h.
/// </summary>
public static class FhirMedicationMapper
{
    public static MedicationAdministration Administration(FhirDoseRow row, FhirMapContext map)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(map);
        var medication = new Medication
        {
            Id = "med",
            Code = row.Drug == DrugKind.Ketamine
                ? new CodeableConcept(FhirCodes.RxNorm, FhirCodes.KetamineRxNorm, "ketamine", "ketamine")
                : new CodeableConcept { Text = "esketamine" },
            Batch = new Medication.BatchComponent { LotNumber = row.LotNumber },
        };
        var dosage = new MedicationAdministration.DosageComponent
        {
            Route = Route(row.Route),
            Dose = FhirMapContext.Ucum(row.DoseMg, "mg", "mg"),
        };
        if (row.InfusionRateMlPerHour is { } rate)
        {
            dosage.Rate = FhirMapContext.Ucum(rate, "mL/h", "mL/h");
        }

        return new MedicationAdministration
        {
            Id = FhirIds.Of(row.Id),
            Contained = [medication],
            Status = row.IsInfusion && row.InfusionEndAt is null ? MedicationAdministrationStatus.InProgress : MedicationAdministrationStatus.Completed,
            Medication = new ResourceReference("#med", row.Drug == DrugKind.Ketamine ? "ketamine" : "esketamine"),
            Subject = map.Patient(row.PatientId),
            Context = map.Encounter(row.SessionId),
            Effective = row.IsInfusion
                ? new Period { StartElement = map.Time(row.AdministeredAt), EndElement = row.InfusionEndAt is { } end ? map.Time(end) : null }
                : map.Time(row.AdministeredAt),
            Performer = [new MedicationAdministration.PerformerComponent { Actor = map.User(row.GivenById, row.GivenByName) }],
            Dosage = dosage,
        };
    }

    /// <summary>SNOMED CT route concepts (the FHIR route-codes value set), with the words as text.</summary>
    public static CodeableConcept Route(AdministrationRoute route) => route switch
    {
        AdministrationRoute.Intravenous => new CodeableConcept(FhirCodes.Snomed, "47625008", "Intravenous route", "Intravenous"),
        AdministrationRoute.Intramuscular => new CodeableConcept(FhirCodes.Snomed, "78421000", "Intramuscular route", "Intramuscular"),
        AdministrationRoute.Sublingual => new CodeableConcept(FhirCodes.Snomed, "37839007", "Sublingual route", "Sublingual"),
        AdministrationRoute.Oral => new CodeableConcept(FhirCodes.Snomed, "26643006", "Oral route", "Oral"),
        AdministrationRoute.Intranasal => new CodeableConcept(FhirCodes.Snomed, "46713006", "Nasal route", "Intranasal"),
        _ => new CodeableConcept { Text = route.ToString() },
    };
}
