using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KapClinic.Core.Integration;

/// <summary>The clinic's list of integration themes (Admin): add a theme, retire it, bring it back. Never deleted.</summary>
public sealed class IntegrationThemeService(KapClinicDbContext db, IValidator<ThemeInput> validator, TimeProvider clock)
{
    /// <summary>Every theme, active ones first, each by name, with how many integration notes use it.</summary>
    public async Task<IReadOnlyList<ThemeListItem>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.IntegrationThemes.AsNoTracking()
            .OrderByDescending(t => t.IsActive).ThenBy(t => t.Name)
            .Select(t => new ThemeListItem(t.Id, t.Name, t.IsActive, db.IntegrationNotes.Count(n => n.Themes.Contains(t.Name))))
            .ToListAsync(cancellationToken);

    public async Task<Guid> AddAsync(ThemeInput input, CancellationToken cancellationToken = default)
    {
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        var theme = new IntegrationTheme(input.Name!, clock.GetUtcNow());
        var existing = await db.IntegrationThemes.AsNoTracking().Where(t => t.NameKey == theme.NameKey)
            .Select(t => new { t.Name, t.IsActive }).SingleOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            throw new RuleViolationException("Name", existing.IsActive
                ? $"“{existing.Name}” is already on the list."
                : $"“{existing.Name}” is on the list but retired: restore it below instead.");
        }

        db.IntegrationThemes.Add(theme);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new RuleViolationException($"“{theme.Name}” was added to the list a moment ago by someone else.", ex);
        }

        return theme.Id;
    }

    /// <summary>No longer offered on new notes; notes that used it keep it. Retiring a retired theme changes nothing.</summary>
    public Task RetireAsync(Guid themeId, CancellationToken cancellationToken = default) =>
        ChangeAsync(themeId, t => t.Retire(), cancellationToken);

    public Task RestoreAsync(Guid themeId, CancellationToken cancellationToken = default) =>
        ChangeAsync(themeId, t => t.Restore(), cancellationToken);

    private async Task ChangeAsync(Guid themeId, Action<IntegrationTheme> change, CancellationToken cancellationToken)
    {
        var theme = await db.IntegrationThemes.SingleOrDefaultAsync(t => t.Id == themeId, cancellationToken)
            ?? throw new NotFoundException("That theme does not exist.");
        change(theme);
        await db.SaveChangesAsync(cancellationToken);
    }
}
