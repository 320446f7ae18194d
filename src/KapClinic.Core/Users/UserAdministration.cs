using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Data;
using KapClinic.Core.Users.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Users;

/// <summary>
/// Admin work on users. Each operation is one SaveChanges, so it is one transaction and one audit row.
/// Changing roles, disabling or resetting a password ends the user's sessions twice over: a new security stamp
/// (checked on every request) and their server-side session rows revoked in the same transaction.
/// </summary>
public sealed class UserAdministration(
    KapClinicDbContext db,
    IPasswordHasher<ClinicUser> passwordHasher,
    ILookupNormalizer normalizer,
    IValidator<NewUserInput> newUserValidator,
    IValidator<EditUserInput> editUserValidator,
    SessionRegistry sessions,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<UserListItem>> ListAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        return await db.Users.AsNoTracking()
            .OrderBy(u => u.IsDisabled).ThenBy(u => u.DisplayName)
            .Select(u => new UserListItem(
                u.Id,
                u.DisplayName,
                u.Email!,
                u.Credentials,
                db.UserRoles.Where(ur => ur.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
                    .OrderBy(n => n).ToList(),
                u.IsPrescriber,
                u.IsSupervisor,
                u.IsDisabled,
                u.LockoutEnd != null && u.LockoutEnd > now))
            .ToListAsync(cancellationToken);
    }

    public async Task<UserDetails> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken)
            ?? throw new NotFoundException("That user does not exist.");
        var roles = await RoleNamesOf(id).ToListAsync(cancellationToken);
        var input = new EditUserInput
        {
            DisplayName = user.DisplayName,
            Credentials = user.Credentials,
            IsAdmin = roles.Contains(ClinicRoles.Admin),
            IsClinician = roles.Contains(ClinicRoles.Clinician),
            IsStaff = roles.Contains(ClinicRoles.Staff),
            IsPrescriber = user.IsPrescriber,
            IsSupervisor = user.IsSupervisor,
            ConcurrencyStamp = user.ConcurrencyStamp ?? string.Empty,
        };
        return new UserDetails(user.Id, user.Email!, user.IsDisabled, user.LockoutEnd > clock.GetUtcNow(), input, user.TwoFactorEnabled);
    }

    public async Task<Guid> CreateAsync(NewUserInput input, CancellationToken cancellationToken = default)
    {
        await newUserValidator.ValidateAndThrowAsync(input, cancellationToken);
        var email = input.Email.Trim();
        var normalizedEmail = normalizer.NormalizeEmail(email);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalizedEmail, cancellationToken))
        {
            throw new RuleViolationException(nameof(NewUserInput.Email), "A user with this email address already exists.");
        }

        var user = new ClinicUser(email, input.DisplayName, clock.GetUtcNow());
        user.NormalizedEmail = normalizedEmail;
        user.NormalizedUserName = normalizer.NormalizeName(email);
        user.UpdateProfile(input.DisplayName, input.Credentials, input.IsPrescriber, input.IsSupervisor);
        user.PasswordHash = passwordHasher.HashPassword(user, input.Password);
        db.Users.Add(user);
        await AddRolesAsync(user.Id, input.Roles, cancellationToken);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: "23505" })
        {
            throw new RuleViolationException(nameof(NewUserInput.Email), "A user with this email address already exists.");
        }

        return user.Id;
    }

    public async Task UpdateAsync(Guid id, EditUserInput input, Guid actingUserId, CancellationToken cancellationToken = default)
    {
        await editUserValidator.ValidateAndThrowAsync(input, cancellationToken);
        await SerializedAsync(() => ApplyUpdateAsync(id, input, actingUserId, cancellationToken), cancellationToken);
    }

    public async Task SetDisabledAsync(Guid id, bool disabled, Guid actingUserId, CancellationToken cancellationToken = default) =>
        await SerializedAsync(() => ApplyDisabledAsync(id, disabled, actingUserId, cancellationToken), cancellationToken);

    private async Task ApplyUpdateAsync(Guid id, EditUserInput input, Guid actingUserId, CancellationToken cancellationToken)
    {
        var user = await FindTrackedAsync(id, cancellationToken);
        db.Entry(user).Property(u => u.ConcurrencyStamp).OriginalValue = input.ConcurrencyStamp;

        var current = await RoleNamesOf(id).ToListAsync(cancellationToken);
        var wanted = input.Roles;
        if (current.Contains(ClinicRoles.Admin) && !wanted.Contains(ClinicRoles.Admin))
        {
            if (id == actingUserId)
            {
                throw new RuleViolationException("Roles", "You cannot remove your own Admin role; ask another administrator.");
            }

            await EnsureAnotherActiveAdminAsync(id, cancellationToken);
        }

        user.UpdateProfile(input.DisplayName, input.Credentials, input.IsClinician && input.IsPrescriber, input.IsClinician && input.IsSupervisor);
        if (!current.Order().SequenceEqual(wanted.Order()))
        {
            var removed = current.Except(wanted).ToList();
            var links = await db.UserRoles
                .Where(ur => ur.UserId == id)
                .Join(db.Roles.Where(r => removed.Contains(r.Name!)), ur => ur.RoleId, r => r.Id, (ur, _) => ur)
                .ToListAsync(cancellationToken);
            db.UserRoles.RemoveRange(links);
            await AddRolesAsync(id, wanted.Except(current), cancellationToken);
            user.EndAllSessions(); // the old cookie carries the old roles
        }

        await SaveUserAsync(user, "Roles or profile changed", cancellationToken);
    }

    private async Task ApplyDisabledAsync(Guid id, bool disabled, Guid actingUserId, CancellationToken cancellationToken)
    {
        var user = await FindTrackedAsync(id, cancellationToken);
        if (disabled == user.IsDisabled)
        {
            return;
        }

        if (disabled)
        {
            if (id == actingUserId)
            {
                throw new RuleViolationException("You cannot disable your own account.");
            }

            if (await RoleNamesOf(id).ContainsAsync(ClinicRoles.Admin, cancellationToken))
            {
                await EnsureAnotherActiveAdminAsync(id, cancellationToken);
            }

            user.Disable();
        }
        else
        {
            user.Enable();
        }

        await SaveUserAsync(user, "Account disabled", cancellationToken);
    }

    public async Task ResetPasswordAsync(Guid id, string newPassword, CancellationToken cancellationToken = default)
    {
        var user = await FindTrackedAsync(id, cancellationToken);
        var errors = PasswordPolicy.Check(newPassword, user.Email, user.DisplayName);
        if (errors.Count > 0)
        {
            throw new RuleViolationException(nameof(PasswordResetInput.NewPassword), string.Join(" ", errors));
        }

        user.PasswordHash = passwordHasher.HashPassword(user, newPassword);
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        user.EndAllSessions();
        await SaveUserAsync(user, "Password reset by an administrator", cancellationToken);
    }

    /// <summary>
    /// Runs a change that could remove an administrator one at a time across the clinic (a PostgreSQL advisory
    /// lock held until commit), so two admins demoting or disabling each other at once cannot leave none.
    /// Inside the execution strategy, so a transient fault retries the whole unit from a clean slate.
    /// </summary>
    private async Task SerializedAsync(Func<Task> change, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7101001)", cancellationToken);
            await change();
            await transaction.CommitAsync(cancellationToken);
        });
    }

    private IQueryable<string> RoleNamesOf(Guid userId) =>
        db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!);

    private async Task<ClinicUser> FindTrackedAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken)
        ?? throw new NotFoundException("That user does not exist.");

    private async Task AddRolesAsync(Guid userId, IEnumerable<string> roleNames, CancellationToken cancellationToken)
    {
        var names = roleNames.ToList();
        var roleIds = await db.Roles.Where(r => names.Contains(r.Name!)).Select(r => r.Id).ToListAsync(cancellationToken);
        db.UserRoles.AddRange(roleIds.Select(roleId => new IdentityUserRole<Guid> { UserId = userId, RoleId = roleId }));
    }

    private async Task EnsureAnotherActiveAdminAsync(Guid exceptUserId, CancellationToken cancellationToken)
    {
        var others = await db.UserRoles
            .Where(ur => ur.UserId != exceptUserId)
            .Join(db.Roles.Where(r => r.Name == ClinicRoles.Admin), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
            .Join(db.Users.Where(u => !u.IsDisabled), userId => userId, u => u.Id, (userId, _) => userId)
            .AnyAsync(cancellationToken);
        if (!others)
        {
            throw new RuleViolationException("Roles", "The clinic must keep at least one active administrator.");
        }
    }

    /// <summary>
    /// Saves the user; when the change gave them a new security stamp, their open sessions are revoked (and audited)
    /// in the same SaveChanges.
    /// </summary>
    private async Task SaveUserAsync(ClinicUser user, string sessionEndReason, CancellationToken cancellationToken)
    {
        user.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        var stamp = db.Entry(user).Property(u => u.SecurityStamp);
        if (!string.Equals(stamp.OriginalValue, stamp.CurrentValue, StringComparison.Ordinal))
        {
            await sessions.RevokeAllAsync(user.Id, sessionEndReason, cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException(
                "Someone else changed this user after you opened the page. The current values are shown; apply your changes again if they still make sense.",
                ex);
        }
    }
}
