using System.Data.Common;
using System.Runtime.CompilerServices;
using KapClinic.Core.Settings;
using KapClinic.Core.Users;
using KapClinic.Core.Users.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KapClinic.Core.Data.Changes;

/// <summary>
/// Makes this instance's own changes to cached rows exact here at once: the notices the database triggers will send
/// at commit are also <see cref="ChangeListener.Publish"/>ed locally, before the save (so a read already under way is
/// not cached) and again once the change is committed (after SaveChanges, or at the commit of the caller's
/// transaction), so no request that starts after the change returns can see the old row. Other instances rely on the
/// database's notice.
/// </summary>
public sealed class ChangeNoticeInterceptor(ChangeListener listener) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<string>> pending = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        AfterSave(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        AfterSave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => AfterSave(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        AfterSave(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Flush(eventData.Context);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Flush(eventData.Context);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>The notices the triggers send for these tracked changes (a superset is harmless: it only evicts).</summary>
    public static IEnumerable<string> NoticesFor(ChangeTracker changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var entry in changes.Entries())
        {
            if (entry.State is not (EntityState.Modified or EntityState.Deleted or EntityState.Added))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case ClinicSettings:
                    yield return ChangeNotices.Settings;
                    break;
                case UserSession session when entry.State != EntityState.Added:
                    yield return ChangeNotices.Session(session.TokenHash);
                    break;
                case ClinicUser user when entry.State != EntityState.Added:
                    yield return ChangeNotices.User(user.Id);
                    break;
                default:
                    break;
            }
        }
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var notices = NoticesFor(context.ChangeTracker).Distinct(StringComparer.Ordinal).ToList();
        if (notices.Count == 0)
        {
            return;
        }

        notices.ForEach(listener.Publish);
        lock (pending)
        {
            pending.GetOrCreateValue(context).AddRange(notices);
        }
    }

    private void AfterSave(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            Flush(context);
        }
    }

    private void Flush(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        List<string> notices;
        lock (pending)
        {
            if (!pending.TryGetValue(context, out var list) || list.Count == 0)
            {
                return;
            }

            notices = [.. list.Distinct(StringComparer.Ordinal)];
            list.Clear();
        }

        notices.ForEach(listener.Publish);
    }
}
