using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Data;
using KapClinic.Core.Patients;
using KapClinic.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Consents;

/// <summary>
/// Records signed informed consents. The witness is the clinician who records it; the expiry is the signing date
/// plus the clinic's consent validity (a setting), fixed at recording so a later settings change rewrites nothing.
/// </summary>
public sealed class ConsentService(
    KapClinicDbContext db,
    ClinicSettingsService settings,
    IValidator<ConsentInput> validator,
    TimeProvider clock)
{
    /// <summary>The column's length (see the consent configuration).</summary>
    private const int WitnessNameMaxLength = 120;

    public async Task<Guid> RecordAsync(Guid patientId, ConsentInput input, Guid witnessId, CancellationToken cancellationToken = default)
    {
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        var archived = await db.Patients.Where(p => p.Id == patientId).Select(p => (bool?)p.IsArchived).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("That patient does not exist.");
        if (archived)
        {
            throw new RuleViolationException(PatientRecordService.ArchivedMessage);
        }

        var witness = await db.Users.AsNoTracking().Where(u => u.Id == witnessId)
            .Select(u => new { u.DisplayName, u.Credentials })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("The witnessing clinician's account was not found.");
        var witnessName = string.IsNullOrWhiteSpace(witness.Credentials) ? witness.DisplayName : $"{witness.DisplayName}, {witness.Credentials}";
        witnessName = witnessName.Length > WitnessNameMaxLength ? witnessName[..WitnessNameMaxLength] : witnessName;
        var validityMonths = (await settings.GetAsync(cancellationToken)).ConsentValidityMonths;

        var consent = new Consent(
            patientId,
            input.Kind!.Value,
            input.Route,
            input.DocumentName!,
            input.DocumentVersion!,
            input.SignedOn!.Value,
            input.PatientTypedName!,
            witnessId,
            witnessName,
            validityMonths,
            clock.GetUtcNow());
        db.Consents.Add(consent);
        await db.SaveChangesAsync(cancellationToken);
        return consent.Id;
    }
}
