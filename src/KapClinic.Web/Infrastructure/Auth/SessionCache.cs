using System.Collections.Concurrent;
using KapClinic.Core.Data.Changes;

namespace KapClinic.Web.Infrastructure.Auth;

/// <summary>
/// Live sessions of this instance by token hash, so most requests need no SQL to check their session. An entry is
/// served only while the <see cref="ChangeListener"/> listens in the generation it was stored in and before its
/// <see cref="CachedSession.ValidUntil"/> (the next last-seen write, never past the session's end); it is dropped on
/// the <c>session:</c> notice of its token and the <c>user:</c> notice of its user. At most <see cref="Capacity"/>
/// entries.
/// </summary>
public sealed class SessionCache : IDisposable
{
    public const int Capacity = 20_000;

    private readonly ConcurrentDictionary<string, CachedSession> entries = new(StringComparer.Ordinal);
    private readonly ChangeListener listener;
    private readonly TimeProvider clock;
    private readonly IDisposable subscription;
    private long evictions;

    public SessionCache(ChangeListener listener, TimeProvider clock)
    {
        this.listener = listener;
        this.clock = clock;
        subscription = listener.Subscribe(OnNotice);
    }

    public int Count => entries.Count;

    public bool TryGet(string key, out CachedSession session)
    {
        if (entries.TryGetValue(key, out session!))
        {
            if (session.Generation == listener.ListeningGeneration && clock.GetUtcNow() < session.ValidUntil)
            {
                return true;
            }

            entries.TryRemove(new KeyValuePair<string, CachedSession>(key, session));
        }

        return false;
    }

    /// <summary>Take before reading the session from the database; pass to <see cref="Store"/>.</summary>
    public ChangeMark Mark() => new(listener.ListeningGeneration, Interlocked.Read(ref evictions));

    /// <summary>Keeps the session read since <paramref name="mark"/>, unless a notice or a listener loss came in between.</summary>
    public void Store(string key, ChangeMark mark, CachedSession session)
    {
        if (mark.Generation is not { } generation || !IsCurrent(mark) || clock.GetUtcNow() >= session.ValidUntil)
        {
            return;
        }

        if (entries.Count >= Capacity)
        {
            Trim();
        }

        var stored = session with { Generation = generation };
        entries[key] = stored;
        if (!IsCurrent(mark))
        {
            entries.TryRemove(new KeyValuePair<string, CachedSession>(key, stored)); // evicted meanwhile
        }
    }

    public void EvictSession(string key)
    {
        Interlocked.Increment(ref evictions);
        entries.TryRemove(key, out _);
    }

    public void EvictUser(Guid userId)
    {
        Interlocked.Increment(ref evictions);
        foreach (var (key, session) in entries)
        {
            if (session.UserId == userId)
            {
                entries.TryRemove(new KeyValuePair<string, CachedSession>(key, session));
            }
        }
    }

    public void Dispose() => subscription.Dispose();

    private void OnNotice(string notice)
    {
        if (notice.StartsWith(ChangeNotices.SessionPrefix, StringComparison.Ordinal))
        {
            EvictSession(notice[ChangeNotices.SessionPrefix.Length..]);
        }
        else if (notice.StartsWith(ChangeNotices.UserPrefix, StringComparison.Ordinal)
            && Guid.TryParse(notice.AsSpan(ChangeNotices.UserPrefix.Length), out var userId))
        {
            EvictUser(userId);
        }
    }

    private bool IsCurrent(ChangeMark mark) =>
        Interlocked.Read(ref evictions) == mark.Evictions && listener.ListeningGeneration == mark.Generation;

    /// <summary>Drops entries that can no longer be served; if the cache is still full, empties it.</summary>
    private void Trim()
    {
        var now = clock.GetUtcNow();
        var generation = listener.ListeningGeneration;
        foreach (var (key, session) in entries)
        {
            if (now >= session.ValidUntil || session.Generation != generation)
            {
                entries.TryRemove(new KeyValuePair<string, CachedSession>(key, session));
            }
        }

        if (entries.Count >= Capacity)
        {
            entries.Clear();
        }
    }
}
