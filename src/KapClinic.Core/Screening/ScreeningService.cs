using FluentValidation;
using KapClinic.Core.Auditing;
using KapClinic.Core.Common;
using KapClinic.Core.Data;
using KapClinic.Core.Patients;
using KapClinic.Core.Users;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KapClinic.Core.Screening;

/// <summary>
/// A patient's intake screening. Versions are append-only: a change of any answer (or a medication change that
/// changes the derived result) makes a new version; a prescriber signs a version, after which the database
/// itself refuses to change it.
/// </summary>
public sealed class ScreeningService(KapClinicDbContext db, IValidator<ScreeningInput> validator, AuditLog auditLog, TimeProvider clock)
{
    public const string ViewedAction = "Screening.Viewed";

    public async Task<ScreeningOverview> GetAsync(Guid patientId, CancellationToken cancellationToken = default)
    {
        var patient = await PatientBanner.LoadAsync(db, patientId, cancellationToken);
        var versions = await db.Screenings.AsNoTracking()
            .Where(s => s.PatientId == patientId)
            .OrderByDescending(s => s.VersionNumber)
            .Select(s => new ScreeningVersionSummary(
                s.VersionNumber,
                s.CreatedAt,
                db.Users.Where(u => u.Id == s.CreatedBy).Select(u => u.DisplayName).FirstOrDefault() ?? "(unknown user)",
                s.Result,
                s.SignerName,
                s.SignedAt))
            .ToListAsync(cancellationToken);
        var latest = versions.Count == 0 ? null : await LoadVersionAsync(patientId, versions[0].VersionNumber, cancellationToken);
        var medications = await InteractingMedicationsAsync(patientId, cancellationToken);
        ScreeningResult? currentResult = null;
        IReadOnlyList<string> currentReasons = [];
        if (latest is not null)
        {
            (var result, currentReasons) = ScreeningDerivation.Derive(latest.Responses, medications.Select(m => (m.Name, m.Class)));
            currentResult = result;
        }

        await auditLog.RecordAsync(ViewedAction, AuditOutcome.Success, entityType: "Screening", patientId: patientId, cancellationToken: cancellationToken);
        return new ScreeningOverview(patient, latest, [.. versions.Skip(1)], medications, currentResult, currentReasons);
    }

    public async Task<ScreeningVersionDetails> GetVersionAsync(Guid patientId, int versionNumber, CancellationToken cancellationToken = default)
    {
        var patient = await PatientBanner.LoadAsync(db, patientId, cancellationToken);
        var version = await LoadVersionAsync(patientId, versionNumber, cancellationToken)
            ?? throw new NotFoundException("That screening version does not exist.");
        var latest = await db.Screenings.Where(s => s.PatientId == patientId).MaxAsync(s => s.VersionNumber, cancellationToken);
        await auditLog.RecordAsync(
            ViewedAction, AuditOutcome.Success, entityType: "Screening", patientId: patientId, detail: $"Version {versionNumber}", cancellationToken: cancellationToken);
        return new ScreeningVersionDetails(patient, version, latest);
    }

    public async Task<ScreeningSaveResult> SaveAsync(Guid patientId, ScreeningInput input, Guid actingUserId, CancellationToken cancellationToken = default)
    {
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        var patient = await PatientBanner.LoadAsync(db, patientId, cancellationToken);
        if (patient.IsArchived)
        {
            throw new RuleViolationException("This patient is archived. Restore the patient before changing their screening.");
        }

        var latest = await db.Screenings.AsNoTracking()
            .Where(s => s.PatientId == patientId)
            .OrderByDescending(s => s.VersionNumber)
            .FirstOrDefaultAsync(cancellationToken);
        var latestNumber = latest?.VersionNumber ?? 0;
        if (input.BasedOnVersion is { } basedOn && basedOn != latestNumber)
        {
            throw new ConcurrencyConflictException(
                $"Someone saved screening version {latestNumber} after you opened this page. Your answers are still in the form: compare them with version {latestNumber} and save again if they still apply.");
        }

        var responses = input.ToResponses();
        var medications = await InteractingMedicationsAsync(patientId, cancellationToken);
        var (result, reasons) = ScreeningDerivation.Derive(responses, medications.Select(m => (m.Name, m.Class)));
        if (latest is not null && SameAnswers(latest.Responses, responses)
            && latest.Result == result && latest.Reasons.SequenceEqual(reasons, StringComparer.Ordinal))
        {
            return new ScreeningSaveResult(latest.VersionNumber, Created: false, latest.Result);
        }

        var version = new ScreeningVersion(patientId, latestNumber + 1, responses, result, reasons, actingUserId, clock.GetUtcNow());
        db.Screenings.Add(version);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new ConcurrencyConflictException(
                "Someone else saved a screening for this patient at the same moment. Your answers are still in the form: review the latest version and save again.", ex);
        }

        return new ScreeningSaveResult(version.VersionNumber, Created: true, result);
    }

    /// <summary>A prescriber's signature on the latest version: name and credentials as they are now, and the UTC time.</summary>
    public async Task SignAsync(Guid patientId, int versionNumber, Guid prescriberUserId, CancellationToken cancellationToken = default)
    {
        var signer = await db.Users.AsNoTracking()
            .Where(u => u.Id == prescriberUserId)
            .Select(u => new
            {
                u.DisplayName,
                u.Credentials,
                u.IsPrescriber,
                u.IsDisabled,
                IsClinician = db.UserRoles.Any(ur => ur.UserId == u.Id
                    && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == ClinicRoles.Clinician)),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (signer is not { IsClinician: true, IsPrescriber: true, IsDisabled: false })
        {
            throw new RuleViolationException("Only a prescribing clinician can sign a screening.");
        }

        var version = await db.Screenings.SingleOrDefaultAsync(s => s.PatientId == patientId && s.VersionNumber == versionNumber, cancellationToken)
            ?? throw new NotFoundException("That screening version does not exist.");
        if (version.IsSigned)
        {
            throw new RuleViolationException($"Screening version {versionNumber} is already signed by {version.SignerName}.");
        }

        var latestNumber = await db.Screenings.Where(s => s.PatientId == patientId).MaxAsync(s => s.VersionNumber, cancellationToken);
        if (latestNumber != versionNumber)
        {
            throw new RuleViolationException($"Version {versionNumber} has been replaced by version {latestNumber}. Review the latest version and sign that one.");
        }

        version.Sign(prescriberUserId, signer.DisplayName, signer.Credentials, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege })
        {
            // The database trigger refused: another prescriber signed this version a moment ago.
            throw new RuleViolationException($"Screening version {versionNumber} was signed by someone else a moment ago.", ex);
        }
    }

    private async Task<ScreeningVersionView?> LoadVersionAsync(Guid patientId, int versionNumber, CancellationToken cancellationToken)
    {
        var row = await db.Screenings.AsNoTracking()
            .Where(s => s.PatientId == patientId && s.VersionNumber == versionNumber)
            .Select(s => new
            {
                Version = s,
                CreatedByName = db.Users.Where(u => u.Id == s.CreatedBy).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var v = row.Version;
        return new ScreeningVersionView(
            v.VersionNumber, v.Responses, v.Result, v.Reasons, v.CreatedAt, row.CreatedByName ?? "(unknown user)",
            v.SignerName, v.SignerCredentials, v.SignedAt);
    }

    private async Task<List<InteractingMedication>> InteractingMedicationsAsync(Guid patientId, CancellationToken cancellationToken) =>
        await db.Medications.AsNoTracking()
            .Where(m => m.PatientId == patientId && m.IsActive && m.Class != MedicationClass.Other)
            .OrderBy(m => m.Name)
            .Select(m => new InteractingMedication(m.Name, m.Class))
            .ToListAsync(cancellationToken);

    private static bool SameAnswers(IEnumerable<ScreeningResponse> saved, IEnumerable<ScreeningResponse> typed) =>
        saved.OrderBy(r => r.Item).Select(r => (r.Item, r.Answer, r.Note))
            .SequenceEqual(typed.OrderBy(r => r.Item).Select(r => (r.Item, r.Answer, r.Note)));
}
