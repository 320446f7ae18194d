using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Patients;

/// <summary>
/// The chart's clinical lists: weights, allergies, medications, diagnoses. Each change is one SaveChanges (one
/// transaction, one audit row). Nothing is deleted: allergies are inactivated, medications stopped, diagnoses
/// resolved. An archived patient's record is read-only until an Admin restores them.
/// </summary>
public sealed class PatientRecordService(
    KapClinicDbContext db,
    TimeProvider clock,
    IValidator<WeightInput> weightValidator,
    IValidator<AllergyInput> allergyValidator,
    IValidator<MedicationInput> medicationValidator,
    IValidator<DiagnosisInput> diagnosisValidator)
{
    public const string ArchivedMessage = "This patient is archived, so their record cannot change. An administrator can restore them.";

    public async Task<Guid> RecordWeightAsync(Guid patientId, WeightInput input, Guid recordedBy, CancellationToken cancellationToken = default)
    {
        await weightValidator.ValidateAndThrowAsync(input, cancellationToken);
        var patient = await OpenPatientAsync(patientId, cancellationToken);
        var entry = patient.RecordWeight(input.MeasuredOn!.Value, input.Kg!.Value, recordedBy, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return entry.Id;
    }

    public async Task<Guid> AddAllergyAsync(Guid patientId, AllergyInput input, CancellationToken cancellationToken = default)
    {
        await allergyValidator.ValidateAndThrowAsync(input, cancellationToken);
        var patient = await OpenPatientAsync(patientId, cancellationToken);
        var allergy = patient.AddAllergy(input.Substance!, input.Reaction, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return allergy.Id;
    }

    public async Task InactivateAllergyAsync(Guid patientId, Guid allergyId, CancellationToken cancellationToken = default)
    {
        await EnsureOpenAsync(patientId, cancellationToken);
        var allergy = await db.Allergies.SingleOrDefaultAsync(a => a.Id == allergyId && a.PatientId == patientId, cancellationToken)
            ?? throw new NotFoundException("That allergy is not on this patient's record.");
        if (allergy.IsActive)
        {
            allergy.Inactivate(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task<Guid> AddMedicationAsync(Guid patientId, MedicationInput input, CancellationToken cancellationToken = default)
    {
        await medicationValidator.ValidateAndThrowAsync(input, cancellationToken);
        var patient = await OpenPatientAsync(patientId, cancellationToken);
        var medication = patient.AddMedication(input.Name!, input.Dose, input.Class!.Value, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return medication.Id;
    }

    public async Task StopMedicationAsync(Guid patientId, Guid medicationId, CancellationToken cancellationToken = default)
    {
        await EnsureOpenAsync(patientId, cancellationToken);
        var medication = await db.Medications.SingleOrDefaultAsync(m => m.Id == medicationId && m.PatientId == patientId, cancellationToken)
            ?? throw new NotFoundException("That medication is not on this patient's record.");
        if (medication.IsActive)
        {
            medication.Stop(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task<Guid> AddDiagnosisAsync(Guid patientId, DiagnosisInput input, CancellationToken cancellationToken = default)
    {
        await diagnosisValidator.ValidateAndThrowAsync(input, cancellationToken);
        var patient = await OpenPatientAsync(patientId, cancellationToken);
        var diagnosis = patient.AddDiagnosis(input.Icd10Code!, input.Description!, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return diagnosis.Id;
    }

    public async Task ResolveDiagnosisAsync(Guid patientId, Guid diagnosisId, CancellationToken cancellationToken = default)
    {
        await EnsureOpenAsync(patientId, cancellationToken);
        var diagnosis = await db.Diagnoses.SingleOrDefaultAsync(d => d.Id == diagnosisId && d.PatientId == patientId, cancellationToken)
            ?? throw new NotFoundException("That diagnosis is not on this patient's record.");
        if (diagnosis.IsActive)
        {
            diagnosis.Resolve(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task<Patient> OpenPatientAsync(Guid patientId, CancellationToken cancellationToken)
    {
        var patient = await db.Patients.SingleOrDefaultAsync(p => p.Id == patientId, cancellationToken)
            ?? throw new NotFoundException("That patient does not exist.");
        return patient.IsArchived ? throw new RuleViolationException(ArchivedMessage) : patient;
    }

    private async Task EnsureOpenAsync(Guid patientId, CancellationToken cancellationToken)
    {
        var archived = await db.Patients.Where(p => p.Id == patientId).Select(p => (bool?)p.IsArchived).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("That patient does not exist.");
        if (archived)
        {
            throw new RuleViolationException(ArchivedMessage);
        }
    }
}
