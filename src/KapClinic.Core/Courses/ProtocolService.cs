using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KapClinic.Core.Courses;

/// <summary>
/// Admin work on protocols. Protocols are retired rather than deleted (courses refer to them); a retired one
/// cannot start new courses. Each change is one SaveChanges, so one transaction and one audit row.
/// </summary>
public sealed class ProtocolService(KapClinicDbContext db, IValidator<ProtocolInput> validator)
{
    private const string DuplicateName = "Another protocol already has this name; choose a different one.";

    /// <summary>All protocols, active first, by name.</summary>
    public async Task<IReadOnlyList<ProtocolListItem>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.Protocols.AsNoTracking().OrderByDescending(p => p.IsActive).ThenBy(p => p.Name)
            .Select(ProtocolProjection.ListItem)
            .ToListAsync(cancellationToken);

    /// <summary>The protocols a new course may follow.</summary>
    public async Task<IReadOnlyList<ProtocolListItem>> ListActiveAsync(CancellationToken cancellationToken = default) =>
        await db.Protocols.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Name)
            .Select(ProtocolProjection.ListItem)
            .ToListAsync(cancellationToken);

    public async Task<ProtocolDetails> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var row = await db.Protocols.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new { Protocol = p, Courses = db.TreatmentCourses.Count(c => c.ProtocolId == p.Id) })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("That protocol does not exist.");
        return new ProtocolDetails(id, row.Protocol.IsActive, row.Courses, ProtocolInput.From(row.Protocol.ToDefinition(), row.Protocol.Version));
    }

    public async Task<Guid> CreateAsync(ProtocolInput input, CancellationToken cancellationToken = default)
    {
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        var definition = input.ToDefinition();
        await EnsureNameFreeAsync(definition.Name, exceptId: null, cancellationToken);
        var protocol = new Protocol(Guid.CreateVersion7(), definition);
        db.Protocols.Add(protocol);
        await SaveAsync(cancellationToken);
        return protocol.Id;
    }

    public async Task UpdateAsync(Guid id, ProtocolInput input, CancellationToken cancellationToken = default)
    {
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        var definition = input.ToDefinition();
        var protocol = await FindTrackedAsync(id, cancellationToken);
        db.Entry(protocol).Property(p => p.Version).OriginalValue = input.Version;
        await EnsureNameFreeAsync(definition.Name, id, cancellationToken);
        protocol.Update(definition);
        await SaveAsync(cancellationToken);
    }

    /// <summary>No new course may follow a retired protocol; courses already on it keep it.</summary>
    public async Task RetireAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var protocol = await FindTrackedAsync(id, cancellationToken);
        protocol.Retire();
        await SaveAsync(cancellationToken);
    }

    public async Task ReactivateAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var protocol = await FindTrackedAsync(id, cancellationToken);
        protocol.Reactivate();
        await SaveAsync(cancellationToken);
    }

    private async Task<Protocol> FindTrackedAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Protocols.SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
        ?? throw new NotFoundException("That protocol does not exist.");

    private async Task EnsureNameFreeAsync(string name, Guid? exceptId, CancellationToken cancellationToken)
    {
        // Case-insensitive: "IV series" and "iv series" would confuse whoever picks one from a list.
        var pattern = name.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);
        if (await db.Protocols.AnyAsync(p => p.Id != exceptId && EF.Functions.ILike(p.Name, pattern, @"\"), cancellationToken))
        {
            throw new RuleViolationException(nameof(ProtocolInput.Name), DuplicateName);
        }
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException(
                "Someone else changed this protocol after you opened it. Their values are shown; your changes are still in the form. Save again to apply them over theirs.",
                ex);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two admins chose the same name at the same moment: the unique index refused the second.
            throw new RuleViolationException(nameof(ProtocolInput.Name), DuplicateName);
        }
    }
}
