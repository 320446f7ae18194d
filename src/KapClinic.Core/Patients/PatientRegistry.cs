using FluentValidation;
using FluentValidation.Results;
using KapClinic.Core.Auditing;
using KapClinic.Core.Common;
using KapClinic.Core.Data;
using KapClinic.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Patients;

/// <summary>
/// Registers, edits, moves, archives and finds patients. Each change is one SaveChanges (one transaction, with
/// its audit row from the interceptor); opening a patient for edit and every search write an explicit audit event.
/// </summary>
public sealed class PatientRegistry(
    KapClinicDbContext db,
    ClinicSettingsService settings,
    PatientClinicians clinicians,
    AuditLog audit,
    TimeProvider clock)
{
    public const string ConflictMessage =
        "Someone else saved changes to this patient after you opened the page. Their saved values are shown; " +
        "your changes are still in the form. Save again to apply yours over theirs.";

    /// <summary>The form's rules with the clinic's date and minimum age (the primary clinician is checked on save).</summary>
    public async Task<ValidationResult> ValidateAsync(PatientInput input, CancellationToken cancellationToken = default)
    {
        var current = await settings.GetAsync(cancellationToken);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), current.TimeZone).DateTime);
        var validator = new PatientInputValidator(new PatientValidationContext(today, current.MinimumPatientAgeYears));
        return await validator.ValidateAsync(input, cancellationToken);
    }

    /// <returns>The new patient's id; the database assigns the MRN.</returns>
    public async Task<Guid> CreateAsync(PatientInput input, CancellationToken cancellationToken = default)
    {
        await ValidateAndThrowAsync(input, cancellationToken);
        if (input.PrimaryClinicianId is { } clinicianId)
        {
            await clinicians.EnsureAssignableAsync(clinicianId, cancellationToken);
        }

        var patient = new Patient(input.ToDetails(), clock.GetUtcNow());
        db.Patients.Add(patient);
        await db.SaveChangesAsync(cancellationToken);
        return patient.Id;
    }

    /// <summary>The patient's editable fields and status; records that the user viewed the record.</summary>
    public async Task<PatientEditView> GetForEditAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var patient = await db.Patients.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException("That patient does not exist.");
        await audit.RecordAsync(
            AuditActions.PatientViewed, AuditOutcome.Success, entityType: patient.AuditEntityType, entityId: id, patientId: id,
            cancellationToken: cancellationToken);
        return new PatientEditView(
            patient.Id,
            patient.Mrn,
            patient.DisplayName,
            patient.Status,
            PatientStatusMoves.From(patient.Status),
            patient.IsArchived,
            patient.ArchivedAt,
            PatientInput.From(patient));
    }

    /// <summary>Saves the form over the version it was opened with; a newer version is a <see cref="ConcurrencyConflictException"/>.</summary>
    public async Task UpdateAsync(Guid id, PatientInput input, CancellationToken cancellationToken = default)
    {
        await ValidateAndThrowAsync(input, cancellationToken);
        var patient = await FindChangeableAsync(id, cancellationToken);
        if (input.PrimaryClinicianId is { } clinicianId && clinicianId != patient.PrimaryClinicianId)
        {
            await clinicians.EnsureAssignableAsync(clinicianId, cancellationToken);
        }

        patient.Update(input.ToDetails());
        await SaveAsync(patient, input.Version, ConflictMessage, cancellationToken);
    }

    /// <summary>Moves the status along <see cref="PatientStatusMoves"/>; any other move is refused and names the allowed ones.</summary>
    public async Task MoveStatusAsync(Guid id, PatientStatus next, uint version, CancellationToken cancellationToken = default)
    {
        const string conflict =
            "Someone else changed this patient after you opened the page; the current status is shown. Choose again if the move still applies.";
        var patient = await FindChangeableAsync(id, cancellationToken);
        if (patient.Version != version)
        {
            throw new ConcurrencyConflictException(conflict); // judge the move against the status the user saw
        }

        if (!PatientStatusMoves.IsAllowed(patient.Status, next))
        {
            throw new RuleViolationException("Status", RefusedMoveMessage(patient.Status, next));
        }

        patient.MoveTo(next);
        await SaveAsync(patient, version, conflict, cancellationToken);
    }

    /// <summary>Takes the patient out of lists and search; nothing is deleted. Admins only (checked by the page).</summary>
    public async Task ArchiveAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var patient = await FindTrackedAsync(id, cancellationToken);
        if (!patient.IsArchived)
        {
            patient.Archive(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Brings an archived patient back into lists and search. Admins only (checked by the page).</summary>
    public async Task RestoreAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var patient = await FindTrackedAsync(id, cancellationToken);
        if (patient.IsArchived)
        {
            patient.Restore();
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>
    /// One page of the list, in two SQL commands (count and page) whatever the page size, then one audit event that
    /// names the criteria used but never their values. <paramref name="today"/> is the clinic's date, for ages.
    /// </summary>
    public async Task<PatientSearchResult> SearchAsync(PatientSearch query, DateOnly today, CancellationToken cancellationToken = default)
    {
        var matching = db.Patients.AsNoTracking().Matching(query);
        var pageSize = Math.Clamp(query.PageSize, 1, PatientSearch.MaximumPageSize);
        var page = Math.Max(1, query.Page);
        // The total rides on the page's rows (count(*) OVER (): one pass over the matches gives both); only an empty page
        // (no match, or a page past the end after rows went away) needs the count on its own, and then the last page is read.
        var rows = await PageAsync(matching, query, page, pageSize, cancellationToken);
        int total;
        if (rows.Count > 0)
        {
            total = rows[0].Total;
        }
        else
        {
            total = await matching.CountAsync(cancellationToken);
            var last = Math.Max(1, (total + pageSize - 1) / pageSize);
            if (page > last)
            {
                page = last;
                rows = total == 0 ? rows : await PageAsync(matching, query, page, pageSize, cancellationToken);
            }
        }

        var criteria = query.UsedCriteria();
        await audit.RecordAsync(
            AuditActions.PatientSearched,
            AuditOutcome.Success,
            entityType: "Patient",
            detail: $"Criteria: {(criteria.Count == 0 ? "none" : string.Join(", ", criteria))}; page {page}; {total} found.",
            cancellationToken: cancellationToken);

        var items = rows.Select(r => new PatientListItem(
            r.Id,
            r.Mrn,
            Patient.FormatName(r.LegalFirstName, r.LegalLastName, r.PreferredName),
            r.DateOfBirth,
            Patient.AgeOn(r.DateOfBirth, today),
            r.Status,
            r.Clinician,
            r.IsArchived)).ToList();
        return new PatientSearchResult(items, total, page, pageSize);
    }

    private async Task<List<SearchRow>> PageAsync(
        IQueryable<Patient> matching, PatientSearch query, int page, int pageSize, CancellationToken cancellationToken) =>
        await matching.SortedBy(query.Sort, query.Descending)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new SearchRow(
                p.Id, p.Mrn, p.LegalFirstName, p.LegalLastName, p.PreferredName, p.DateOfBirth, p.Status, p.IsArchived,
                db.Users.Where(u => u.Id == p.PrimaryClinicianId).Select(u => u.DisplayName).FirstOrDefault(),
                PatientSearchFunctions.MatchCount()))
            .ToListAsync(cancellationToken);

    private sealed record SearchRow(
        Guid Id, string Mrn, string LegalFirstName, string LegalLastName, string? PreferredName, DateOnly DateOfBirth,
        PatientStatus Status, bool IsArchived, string? Clinician, int Total);

    internal static string RefusedMoveMessage(PatientStatus current, PatientStatus next)
    {
        var allowed = PatientStatusMoves.From(current);
        return allowed.Count == 0
            ? $"A patient who is {current} cannot move to another status."
            : $"A patient who is {current} can move only to {string.Join(" or ", allowed)}, not to {next}.";
    }

    private async Task ValidateAndThrowAsync(PatientInput input, CancellationToken cancellationToken)
    {
        var result = await ValidateAsync(input, cancellationToken);
        if (!result.IsValid)
        {
            throw new ValidationException(result.Errors);
        }
    }

    private async Task<Patient> FindTrackedAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Patients.SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
        ?? throw new NotFoundException("That patient does not exist.");

    private async Task<Patient> FindChangeableAsync(Guid id, CancellationToken cancellationToken)
    {
        var patient = await FindTrackedAsync(id, cancellationToken);
        if (patient.IsArchived)
        {
            throw new RuleViolationException("This patient is archived. An Admin must restore them before anything can be changed.");
        }

        return patient;
    }

    /// <summary>Saves over the version the user opened; on a conflict the context forgets the refused change.</summary>
    private async Task SaveAsync(Patient patient, uint openedVersion, string conflictMessage, CancellationToken cancellationToken)
    {
        db.Entry(patient).Property(p => p.Version).OriginalValue = openedVersion;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            db.ChangeTracker.Clear();
            throw new ConcurrencyConflictException(conflictMessage, ex);
        }
    }
}
