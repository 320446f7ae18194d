namespace KapClinic.Core.Data.Changes;

/// <summary>
/// Taken before a cache reads the database: the listener's generation then (null when it was not listening) and
/// the cache's eviction count. The value read may be stored only if both are unchanged afterwards, so no notice
/// (and no loss of the listener) can fall between the read and the store unnoticed.
/// </summary>
public readonly record struct ChangeMark(long? Generation, long Evictions);
