using KapClinic.Core.Data.Changes;

namespace KapClinic.Core.Settings;

/// <summary>
/// The clinic settings shared by every request of this instance, dropped on each
/// <see cref="ChangeNotices.Settings"/> notice (from any instance or writer) and served only while the
/// <see cref="ChangeListener"/> listens in the generation it was stored in. The instance is detached (read with
/// AsNoTracking) and must only be read: nothing may call its mutators or attach it to a DbContext
/// (<see cref="ClinicSettingsService.UpdateAsync"/> loads a tracked copy of its own).
/// </summary>
public sealed class ClinicSettingsCache : IDisposable
{
    private readonly ChangeListener listener;
    private readonly IDisposable subscription;
    private Slot? slot;
    private long evictions;

    public ClinicSettingsCache(ChangeListener listener)
    {
        this.listener = listener;
        subscription = listener.Subscribe(notice =>
        {
            if (string.Equals(notice, ChangeNotices.Settings, StringComparison.Ordinal))
            {
                Evict();
            }
        });
    }

    /// <summary>The cached settings, if they may be served now.</summary>
    public ClinicSettings? TryGet() =>
        Volatile.Read(ref slot) is { } s && s.Generation == listener.ListeningGeneration ? s.Settings : null;

    /// <summary>Take before reading the database; pass to <see cref="Store"/>.</summary>
    public ChangeMark Mark() => new(listener.ListeningGeneration, Interlocked.Read(ref evictions));

    /// <summary>Keeps <paramref name="settings"/> (detached) if nothing changed since <paramref name="mark"/>.</summary>
    public void Store(ChangeMark mark, ClinicSettings settings)
    {
        if (mark.Generation is not { } generation || !IsCurrent(mark))
        {
            return;
        }

        var stored = new Slot(settings, generation);
        Volatile.Write(ref slot, stored);
        if (!IsCurrent(mark))
        {
            Interlocked.CompareExchange(ref slot, null, stored); // a notice came in meanwhile
        }
    }

    public void Evict()
    {
        Interlocked.Increment(ref evictions);
        Volatile.Write(ref slot, null);
    }

    public void Dispose() => subscription.Dispose();

    private bool IsCurrent(ChangeMark mark) =>
        Interlocked.Read(ref evictions) == mark.Evictions && listener.ListeningGeneration == mark.Generation;

    private sealed record Slot(ClinicSettings Settings, long Generation);
}
