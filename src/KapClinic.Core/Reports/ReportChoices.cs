using KapClinic.Core.Data;
using KapClinic.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Reports;

/// <summary>
/// The options of a report page's filter selects (one query per select the report offers) and the patient look-up by
/// MRN, so the page's URL carries the patient's id and never the MRN.
/// </summary>
public sealed class ReportChoices(KapClinicDbContext db)
{
    /// <summary>Active users who hold the Clinician role, by name.</summary>
    public async Task<IReadOnlyList<ReportChoice>> CliniciansAsync(CancellationToken cancellationToken = default) =>
        await db.Users.AsNoTracking()
            .Where(u => !u.IsDisabled && db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == ClinicRoles.Clinician)))
            .OrderBy(u => u.DisplayName).Select(u => new ReportChoice(u.Id, u.DisplayName)).ToListAsync(cancellationToken);

    /// <summary>Every user (disabled ones too: the audit log outlives accounts).</summary>
    public async Task<IReadOnlyList<ReportChoice>> UsersAsync(CancellationToken cancellationToken = default) =>
        await db.Users.AsNoTracking().OrderBy(u => u.DisplayName)
            .Select(u => new ReportChoice(u.Id, u.IsDisabled ? u.DisplayName + " (disabled)" : u.DisplayName)).ToListAsync(cancellationToken);

    /// <summary>Every protocol, retired ones marked (past courses used them).</summary>
    public async Task<IReadOnlyList<ReportChoice>> ProtocolsAsync(CancellationToken cancellationToken = default) =>
        await db.Protocols.AsNoTracking().OrderBy(p => !p.IsActive).ThenBy(p => p.Name)
            .Select(p => new ReportChoice(p.Id, p.IsActive ? p.Name : p.Name + " (retired)")).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ReportChoice>> ProductsAsync(CancellationToken cancellationToken = default) =>
        await db.DrugProducts.AsNoTracking().OrderBy(p => !p.IsActive).ThenBy(p => p.Name)
            .Select(p => new ReportChoice(p.Id, p.Name + " " + p.Strength + (p.IsActive ? string.Empty : " (retired)"))).ToListAsync(cancellationToken);

    /// <summary>The patient with this MRN (trimmed, upper-cased as MRNs are), or null.</summary>
    public async Task<Guid?> PatientByMrnAsync(string? mrn, CancellationToken cancellationToken = default)
    {
        var wanted = mrn?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(wanted))
        {
            return null;
        }

        return await db.Patients.AsNoTracking().Where(p => p.Mrn == wanted).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The MRN of the chosen patient, to show in the form again.</summary>
    public async Task<string?> MrnAsync(Guid? patientId, CancellationToken cancellationToken = default) =>
        patientId is { } id ? await db.Patients.AsNoTracking().Where(p => p.Id == id).Select(p => p.Mrn).SingleOrDefaultAsync(cancellationToken) : null;
}
