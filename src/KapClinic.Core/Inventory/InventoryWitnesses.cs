using KapClinic.Core.Common;
using KapClinic.Core.Data;
using KapClinic.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Inventory;

/// <summary>
/// The two-person rule: the witness is another active Clinician or Admin who types their own password on the same
/// screen (failures count towards their lockout, see <see cref="PasswordConfirmation"/>).
/// </summary>
public sealed class InventoryWitnesses(KapClinicDbContext db, PasswordConfirmation confirmation)
{
    public async Task<Witness> ConfirmAsync(Guid? witnessId, string? password, Guid recordedBy, CancellationToken cancellationToken = default)
    {
        if (witnessId is not { } id)
        {
            throw new RuleViolationException("WitnessId", "Choose the witness.");
        }

        if (id == recordedBy)
        {
            throw new RuleViolationException("WitnessId", "The witness must be a second person, not the one recording.");
        }

        var allowed = await db.UserRoles.AnyAsync(
            r => r.UserId == id && db.Roles.Any(x => x.Id == r.RoleId && (x.Name == ClinicRoles.Clinician || x.Name == ClinicRoles.Admin)),
            cancellationToken);
        if (!allowed)
        {
            throw new RuleViolationException("WitnessId", "The witness must be a clinician or an administrator.");
        }

        var user = await confirmation.ConfirmAsync(id, password, "WitnessPassword");
        return new Witness(user.Id, user.SignatureName);
    }
}
