using KapClinic.Core.Common;
using KapClinic.Core.Data;
using KapClinic.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Patients;

/// <summary>Who can be a patient's primary clinician: an enabled user with the Clinician role.</summary>
public sealed class PatientClinicians(KapClinicDbContext db)
{
    /// <summary>Active clinicians by name, plus <paramref name="alsoInclude"/> (a patient's current one) even if no longer active.</summary>
    public async Task<IReadOnlyList<ClinicianOption>> ListAsync(Guid? alsoInclude = null, CancellationToken cancellationToken = default)
    {
        var clinicianIds = ClinicianIds();
        return await db.Users.AsNoTracking()
            .Where(u => (!u.IsDisabled && clinicianIds.Contains(u.Id)) || u.Id == alsoInclude)
            .OrderBy(u => u.DisplayName)
            .Select(u => new ClinicianOption(u.Id, u.DisplayName, !u.IsDisabled && clinicianIds.Contains(u.Id)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Refuses anyone who is not an enabled clinician, on the form's PrimaryClinicianId field.</summary>
    public async Task EnsureAssignableAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var clinicianIds = ClinicianIds();
        var assignable = await db.Users.AnyAsync(u => u.Id == userId && !u.IsDisabled && clinicianIds.Contains(u.Id), cancellationToken);
        if (!assignable)
        {
            throw new RuleViolationException(
                nameof(PatientInput.PrimaryClinicianId),
                "Choose an active clinician from the list: the one chosen is not an active user with the Clinician role.");
        }
    }

    private IQueryable<Guid> ClinicianIds() =>
        db.UserRoles.Join(db.Roles.Where(r => r.Name == ClinicRoles.Clinician), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId);
}
