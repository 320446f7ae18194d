using KapClinic.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KapClinic.Core.Auditing;

/// <summary>
/// Writes one audit row per changed record, inside the same SaveChanges (and so the same transaction) as
/// the change. Child rows that belong to a record (a user's role links) fold into that record's row, so
/// one user edit is one audit row. It also refuses any update or delete of an audit row.
/// </summary>
/// <remarks>One instance serves every context: the actor comes from the context's <see cref="KapClinicDbContext.UnitOfWork"/>.</remarks>
public sealed class AuditingInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    // Stamps change on every save; listing them would only hide the fields that did change.
    private static readonly HashSet<string> IgnoredProperties =
        new(StringComparer.Ordinal) { "ConcurrencyStamp", "SecurityStamp", "Version" };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddAuditEvents(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddAuditEvents(eventData.Context);
        return ValueTask.FromResult(result);
    }

    // A failed save leaves its audit rows tracked; drop them so a later save in the same unit of work cannot
    // write an audit row for a change that never happened.
    public override void SaveChangesFailed(DbContextErrorEventData eventData) => DropPendingAuditEvents(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        DropPendingAuditEvents(eventData.Context);
        return Task.CompletedTask;
    }

    private static void DropPendingAuditEvents(DbContext? context)
    {
        foreach (var entry in context?.ChangeTracker.Entries<AuditEvent>().Where(e => e.State == EntityState.Added).ToList() ?? [])
        {
            entry.State = EntityState.Detached;
        }
    }

    private void AddAuditEvents(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        var changes = new List<AuditedChange>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEvent && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("Audit events are append-only: they cannot be changed or deleted.");
            }

            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && Describe(entry) is { } change)
            {
                changes.Add(change);
            }
        }

        var auditContext = (context as KapClinicDbContext)?.UnitOfWork?.Audit ?? SystemAuditContext.Instance;
        var now = clock.GetUtcNow();
        foreach (var group in changes.GroupBy(c => (c.EntityType, c.EntityId)))
        {
            var first = group.First();
            var verb = group.Any(c => c.IsRoot && c.State == EntityState.Added) ? "Created"
                : group.Any(c => c.IsRoot && c.State == EntityState.Deleted) ? "Deleted"
                : "Updated";
            var fields = group.SelectMany(c => c.Fields).Distinct(StringComparer.Ordinal).ToList();
            var detail = verb == "Updated" && fields.Count > 0 ? "Changed: " + string.Join(", ", fields) : null;
            context.Add(new AuditEvent(
                now,
                $"{first.EntityType}.{verb}",
                AuditOutcome.Success,
                auditContext.UserId,
                auditContext.RemoteIp,
                first.EntityType,
                first.EntityId,
                group.Select(c => c.PatientId).FirstOrDefault(p => p is not null),
                detail));
        }
    }

    private static AuditedChange? Describe(EntityEntry entry) => entry.Entity switch
    {
        IAuditable auditable => new AuditedChange(
            auditable.AuditEntityType,
            auditable.AuditEntityId,
            auditable.AuditPatientId,
            entry.State,
            IsRoot: true,
            ChangedFields(entry)),
        IdentityUserRole<Guid> link => new AuditedChange(
            "User", link.UserId, null, EntityState.Modified, IsRoot: false, ["Roles"]),
        _ => null,
    };

    private static List<string> ChangedFields(EntityEntry entry) =>
        entry.State != EntityState.Modified
            ? []
            : entry.Properties
                .Where(p => p.IsModified && !IgnoredProperties.Contains(p.Metadata.Name))
                .Select(p => p.Metadata.Name)
                .ToList();

    private sealed record AuditedChange(
        string EntityType,
        Guid EntityId,
        Guid? PatientId,
        EntityState State,
        bool IsRoot,
        IReadOnlyList<string> Fields);
}
